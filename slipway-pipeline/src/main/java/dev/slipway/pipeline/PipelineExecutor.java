package dev.slipway.pipeline;

import dev.slipway.core.Json;
import dev.slipway.core.Sha256;
import dev.slipway.core.SlipwayException;
import dev.slipway.pipeline.PipelineSpec.StepSpec;
import dev.slipway.store.Artifact;
import dev.slipway.store.Event;
import dev.slipway.store.EventType;
import dev.slipway.store.Execution;
import dev.slipway.store.ExecutionState;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.PipelineRun;
import dev.slipway.store.RunState;
import dev.slipway.store.StoredBlob;
import dev.slipway.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a pipeline in this process, one step at a time in dependency order.
 *
 * <p>For each step the executor computes the {@link CacheKey}; if an earlier execution with that
 * key completed and all its outputs are still in the artifact store, the step is recorded as
 * {@code CACHED} with events pointing at those outputs. Otherwise the component runs, its output
 * files are moved into the content-addressed artifact store (atomic rename) and only then are the
 * artifacts, events and final state committed in one metadata transaction. A run killed
 * mid-step therefore leaves at most an execution in state RUNNING and unreferenced blobs, never a
 * visible partial artifact, and the next run recomputes exactly the unfinished steps.
 */
public final class PipelineExecutor {
  private final Stores stores;
  private final Components components;
  private final Clock clock;

  public PipelineExecutor(Stores stores, Components components, Clock clock) {
    this.stores = stores;
    this.components = components;
    this.clock = clock;
  }

  /**
   * Runs every step.
   *
   * @throws StepFailedException when a step fails; the pipeline run is recorded as FAILED
   */
  public PipelineResult run(PipelineFile.Loaded pipeline, ProgressListener listener) {
    MetadataStore metadata = stores.metadata();
    PipelineSpec spec = pipeline.spec();
    PipelineRun run =
        metadata.startPipelineRun(spec.name(), Sha256.hex(Json.bytes(spec)), clock.instant());
    long experimentRun =
        metadata.startExperimentRun(spec.name(), spec.name() + "-" + run.id(), run.id(), clock.instant()).id();
    Map<String, Artifact> produced = new LinkedHashMap<>();
    List<StepResult> results = new ArrayList<>();
    int total = spec.steps().size();
    try (RunEngine engine = new RunEngine()) {
      for (int i = 0; i < total; i++) {
        StepSpec step = spec.steps().get(i);
        listener.stepStarted(i + 1, total, step.name(), step.component());
        StepResult result = runStep(pipeline, run.id(), step, produced, listener, engine);
        result.outputs().forEach((port, artifact) -> produced.put(step.name() + "." + port, artifact));
        track(experimentRun, result);
        results.add(result);
        listener.stepFinished(i + 1, total, result);
      }
    } catch (SlipwayException | UncheckedIOException e) {
      metadata.finishExperimentRun(experimentRun, RunState.FAILED, clock.instant());
      metadata.finishPipelineRun(run.id(), RunState.FAILED, clock.instant());
      throw e;
    }
    metadata.finishExperimentRun(experimentRun, RunState.SUCCEEDED, clock.instant());
    metadata.finishPipelineRun(run.id(), RunState.SUCCEEDED, clock.instant());
    PipelineRun finished = metadata.pipelineRun(run.id()).orElse(run);
    return new PipelineResult(finished, experimentRun, List.copyOf(results));
  }

  private StepResult runStep(
      PipelineFile.Loaded pipeline,
      long runId,
      StepSpec step,
      Map<String, Artifact> produced,
      ProgressListener listener,
      RunEngine engine) {
    Component component = components.get(step.component());
    Map<String, InputArtifact> inputs = new TreeMap<>();
    Map<String, String> inputDigests = new TreeMap<>();
    for (Map.Entry<String, String> in : step.inputs().entrySet()) {
      Artifact artifact = produced.get(in.getValue());
      if (artifact == null) {
        throw new StepFailedException(step.name(), notWritten(step, in.getKey(), in.getValue()));
      }
      inputs.put(in.getKey(), new InputArtifact(artifact, stores.artifacts().path(artifact.digest())));
      inputDigests.put(in.getKey(), artifact.digest());
    }
    Map<String, String> fingerprint;
    try {
      fingerprint =
          component.fingerprint(
              new FingerprintContext(step.params(), pipeline.baseDir(), stores, inputDigests));
    } catch (SlipwayException e) {
      throw new StepFailedException(step.name(), e);
    }
    String cacheKey = CacheKey.of(component, step.params(), inputDigests, fingerprint);
    Map<String, String> recordedParams = new TreeMap<>();
    step.params().forEach((k, v) -> recordedParams.put(k, String.valueOf(v)));
    Instant started = clock.instant();
    Execution execution =
        stores.metadata().startExecution(runId, step.name(), component.spec().name(), recordedParams, cacheKey, started);
    List<Event> events = new ArrayList<>();
    inputs.forEach(
        (port, in) -> events.add(new Event(execution.id(), in.artifact().id(), EventType.INPUT, port)));

    Optional<Map<String, Artifact>> cached = cachedOutputs(cacheKey, component);
    if (cached.isPresent()) {
      cached.get().forEach(
          (port, a) -> events.add(new Event(execution.id(), a.id(), EventType.OUTPUT, port)));
      stores.metadata().finishExecution(execution.id(), ExecutionState.CACHED, events, clock.instant());
      return new StepResult(
          step.name(), component.spec().name(), ExecutionState.CACHED, execution.id(), cached.get(),
          Duration.between(started, clock.instant()), List.of());
    }

    List<String> notes = new ArrayList<>();
    StepContext context =
        new StepContext(
            step.name(), runId, inputs, step.params(), pipeline.baseDir(), stores, clock,
            note -> {
              notes.add(note);
              listener.stepNote(step.name(), note);
            },
            engine);
    Map<String, Artifact> outputs = new TreeMap<>();
    try {
      Map<String, StepOutput> written = component.run(context);
      for (String port : written.keySet()) {
        if (!component.spec().writes(port)) {
          throw new SlipwayException(
              "component '" + component.spec().name() + "' wrote an undeclared output '" + port + "'");
        }
      }
      Map<String, String> ports = new TreeMap<>(component.spec().optionalOutputs());
      ports.putAll(component.spec().outputs());
      for (Map.Entry<String, String> port : ports.entrySet()) {
        StepOutput out = written.get(port.getKey());
        if (out == null && component.spec().optionalOutputs().containsKey(port.getKey())) {
          continue;
        }
        if (out == null) {
          throw new SlipwayException(
              "component '" + component.spec().name() + "' wrote no output '" + port.getKey() + "'");
        }
        StoredBlob blob = stores.artifacts().put(out.file());
        deleteQuietly(out);
        Artifact artifact = stores.metadata().putArtifact(port.getValue(), blob, out.properties());
        outputs.put(port.getKey(), artifact);
        events.add(new Event(execution.id(), artifact.id(), EventType.OUTPUT, port.getKey()));
      }
    } catch (SlipwayException e) {
      stores.metadata().finishExecution(execution.id(), ExecutionState.FAILED, events, clock.instant());
      throw e instanceof StepFailedException ? e : new StepFailedException(step.name(), e);
    }
    stores.metadata().finishExecution(execution.id(), ExecutionState.COMPLETE, events, clock.instant());
    return new StepResult(
        step.name(), component.spec().name(), ExecutionState.COMPLETE, execution.id(), outputs,
        Duration.between(started, clock.instant()), List.copyOf(notes));
  }

  /** Outputs of the newest complete execution with this key, if all are still stored. */
  private Optional<Map<String, Artifact>> cachedOutputs(String cacheKey, Component component) {
    Optional<Execution> previous = stores.metadata().latestCompleteByCacheKey(cacheKey);
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Artifact> outputs = new TreeMap<>();
    for (Event e : stores.metadata().events(previous.get().id())) {
      if (e.type() == EventType.OUTPUT) {
        Optional<Artifact> a = stores.metadata().artifact(e.artifactId());
        if (a.isEmpty() || !stores.artifacts().contains(a.get().digest())) {
          return Optional.empty();
        }
        outputs.put(e.name(), a.get());
      }
    }
    ComponentSpec spec = component.spec();
    boolean complete = outputs.keySet().containsAll(spec.outputs().keySet())
        && outputs.keySet().stream().allMatch(spec::writes);
    return complete ? Optional.of(outputs) : Optional.empty();
  }

  /** Why an input refers to nothing: an optional output its step did not write in this run. */
  private static SlipwayException notWritten(StepSpec step, String port, String ref) {
    String upstream = ref.substring(0, ref.indexOf('.'));
    return new dev.slipway.core.InvalidInputException(
        "input '" + port + "' refers to '" + ref + "', an optional output that step '" + upstream
            + "' did not write in this run; set the parameters that make '" + upstream + "' write '"
            + ref.substring(ref.indexOf('.') + 1) + "' (see docs/pipelines.md) or wire another output");
  }

  private void track(long experimentRun, StepResult result) {
    for (Artifact a : result.outputs().values()) {
      a.properties().forEach(
          (k, v) -> {
            if (k.startsWith("metric.")) {
              stores.metadata().logMetric(experimentRun, k.substring(7), Double.parseDouble(v), 0, clock.instant());
            } else if (k.startsWith("param.")) {
              stores.metadata().logParam(experimentRun, k.substring(6), v);
            }
          });
    }
  }

  private static void deleteQuietly(StepOutput out) {
    try {
      Files.deleteIfExists(out.file());
    } catch (IOException e) {
      // The store's temp area is swept on open; a leftover file here costs only disk.
    }
  }
}
