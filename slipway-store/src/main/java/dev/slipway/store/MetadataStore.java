package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The record of everything Slipway did: artifacts, pipeline runs and their step executions, the
 * lineage events between them, experiment tracking (params, metrics, tags) and the model registry.
 *
 * <p>Contract for every implementation:
 *
 * <ul>
 *   <li>Timestamps are supplied by the caller; the store never reads the clock (except for {@link
 *       #putArtifact(String, StoredBlob, Map)}, which takes its time from the implementation's
 *       injected clock). They are kept with microsecond precision and returned truncated to it.
 *   <li>Every write that touches several rows is one transaction: it happens entirely or not at all.
 *   <li>Unknown ids/names passed to a write raise {@link NotFoundException}; malformed or
 *       conflicting input raises {@link InvalidInputException}; both name the offending value.
 *       Lookups return {@link Optional#empty()} or an empty collection instead.
 *   <li>Thread-safe; implementations on a shared database may be used by several processes.
 * </ul>
 */
public interface MetadataStore extends AutoCloseable {

  // ---- artifacts

  /**
   * Records {@code blob} as an artifact of {@code type}, or returns the existing artifact with the
   * same type and digest unchanged (its properties are not merged). Created at the store's clock.
   */
  Artifact putArtifact(String type, StoredBlob blob, Map<String, String> properties);

  /** As {@link #putArtifact(String, StoredBlob, Map)}, created at {@code at}. */
  Artifact putArtifact(String type, StoredBlob blob, Map<String, String> properties, Instant at);

  Optional<Artifact> artifact(long id);

  Optional<Artifact> artifactByDigest(String type, String digest);

  /**
   * Artifacts whose digest starts with {@code digestPrefix} (any type), oldest first.
   *
   * @throws InvalidInputException if the prefix is shorter than 6 or not hex
   */
  List<Artifact> artifactsByDigest(String digestPrefix);

  /** Artifacts of {@code type}, oldest first (by id); empty when there are none. */
  List<Artifact> artifactsByType(String type);

  // ---- pipeline runs and executions

  PipelineRun startPipelineRun(String pipeline, String pipelineDigest, Instant at);

  /**
   * Ends a RUNNING pipeline run.
   *
   * @throws InvalidInputException if {@code state} is RUNNING or the run already finished
   */
  void finishPipelineRun(long id, RunState state, Instant at);

  Optional<PipelineRun> pipelineRun(long id);

  /** Runs of {@code pipeline}, newest start first. */
  List<PipelineRun> pipelineRuns(String pipeline);

  /** Starts a RUNNING execution; {@code cacheKey} may be null for a step that is never cached. */
  Execution startExecution(
      long pipelineRunId,
      String step,
      String component,
      Map<String, String> parameters,
      String cacheKey,
      Instant at);

  /**
   * Records {@code events} (each carrying {@code executionId}) and the final state of a RUNNING
   * execution in one transaction.
   *
   * @throws InvalidInputException if {@code state} is RUNNING, the execution already finished, or
   *     an event names another execution
   * @throws NotFoundException if the execution or an event's artifact does not exist
   */
  void finishExecution(long executionId, ExecutionState state, List<Event> events, Instant at);

  /** The newest (by start, then id) COMPLETE execution with {@code cacheKey}. */
  Optional<Execution> latestCompleteByCacheKey(String cacheKey);

  Optional<Execution> execution(long id);

  /** Executions of a pipeline run in start order. */
  List<Execution> executions(long pipelineRunId);

  /** Events of an execution in the order they were recorded. */
  List<Event> events(long executionId);

  /** Every event that read or wrote the artifact, by execution then record order. */
  List<Event> eventsForArtifact(long artifactId);

  /** The oldest COMPLETE execution that has an OUTPUT event for the artifact. */
  Optional<Execution> producerOf(long artifactId);

  // ---- experiment tracking

  /**
   * Starts a RUNNING run of {@code experiment}, creating the experiment on first use.
   *
   * @param name display name, may be null
   * @param pipelineRunId the producing pipeline run, may be null
   */
  ExperimentRun startExperimentRun(String experiment, String name, Long pipelineRunId, Instant at);

  /**
   * Logs a parameter. Params are immutable: logging the same value again is a no-op.
   *
   * @throws InvalidInputException if {@code key} already has a different value in this run
   */
  void logParam(long runId, String key, String value);

  /** Appends a point to metric {@code key}; NaN and infinities are kept. */
  void logMetric(long runId, String key, double value, long step, Instant at);

  /** Sets (or replaces) a tag. */
  void setTag(long runId, String key, String value);

  /**
   * Ends a RUNNING experiment run.
   *
   * @throws InvalidInputException if {@code state} is RUNNING or the run already finished
   */
  void finishExperimentRun(long runId, RunState state, Instant at);

  Optional<ExperimentRun> experimentRun(long id);

  /** Runs of {@code experiment}, newest start first; empty if the experiment does not exist. */
  List<ExperimentRun> experimentRuns(String experiment);

  Map<String, String> params(long runId);

  /** Every logged point, ordered by key, step, timestamp, then logging order. */
  List<MetricPoint> metrics(long runId);

  Map<String, String> tags(long runId);

  // ---- model registry

  /**
   * Registers a new version of model {@code name} (created if absent), numbered one more than the
   * model's highest version, starting at 1.
   *
   * @throws NotFoundException if the artifact, pipeline run or experiment run does not exist
   */
  ModelVersion registerModelVersion(
      String name,
      long artifactId,
      Long pipelineRunId,
      Long experimentRunId,
      Map<String, String> tags,
      Instant at);

  /** All registered models by name. */
  List<RegisteredModel> models();

  Optional<RegisteredModel> model(String name);

  /** Versions of {@code name}, ascending; empty if the model does not exist. */
  List<ModelVersion> versions(String name);

  Optional<ModelVersion> version(String name, int version);

  /**
   * Points {@code alias} (e.g. {@code production}) at a version, moving it if it pointed elsewhere.
   *
   * @throws InvalidInputException if {@code alias} does not match {@code [a-z][a-z0-9_-]*}
   * @throws NotFoundException if the model or the version does not exist
   */
  void setAlias(String name, String alias, int version);

  Optional<ModelVersion> versionByAlias(String name, String alias);

  /** Alias to version number, sorted by alias; empty if the model does not exist. */
  Map<String, Integer> aliases(String name);

  /** Releases resources; later calls fail. Never throws a checked exception. */
  @Override
  void close();
}
