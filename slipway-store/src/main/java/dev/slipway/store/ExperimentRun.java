package dev.slipway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One tracked run of an experiment (MLflow's "run"): params, metrics and tags hang off its id.
 *
 * @param experiment the experiment's name
 * @param name the run's display name, or {@code null}
 * @param pipelineRunId the pipeline run that produced it, or {@code null} for a run logged by hand
 * @param finishedAt {@code null} while {@link RunState#RUNNING}
 */
public record ExperimentRun(
    long id,
    String experiment,
    String name,
    Long pipelineRunId,
    RunState state,
    Instant startedAt,
    Instant finishedAt) {
  public ExperimentRun {
    Objects.requireNonNull(experiment, "experiment");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
