package dev.slipway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One run of a pipeline: the context that groups its {@link Execution}s.
 *
 * @param pipeline the pipeline's name
 * @param pipelineDigest SHA-256 of the pipeline definition that ran
 * @param finishedAt {@code null} while {@link RunState#RUNNING}
 */
public record PipelineRun(
    long id,
    String pipeline,
    String pipelineDigest,
    RunState state,
    Instant startedAt,
    Instant finishedAt) {
  public PipelineRun {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(pipelineDigest, "pipelineDigest");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
