package dev.slipway.pipeline;

import dev.slipway.core.NotFoundException;
import dev.slipway.store.Artifact;
import dev.slipway.store.PipelineRun;
import java.util.List;

/** The outcome of a successful pipeline run. */
public record PipelineResult(PipelineRun run, long experimentRunId, List<StepResult> steps) {

  public StepResult step(String name) {
    return steps.stream()
        .filter(s -> s.step().equals(name))
        .findFirst()
        .orElseThrow(() -> new NotFoundException("no step '" + name + "' in this run"));
  }

  /** The first step that ran the given component, if any. */
  public java.util.Optional<StepResult> stepOf(String component) {
    return steps.stream().filter(s -> s.component().equals(component)).findFirst();
  }

  public Artifact output(String step, String port) {
    Artifact a = step(step).outputs().get(port);
    if (a == null) {
      throw new NotFoundException("step '" + step + "' has no output '" + port + "'");
    }
    return a;
  }

  public boolean allCached() {
    return steps.stream().allMatch(s -> s.state() == dev.slipway.store.ExecutionState.CACHED);
  }
}
