package dev.slipway.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One run of one pipeline step.
 *
 * @param step the step's name in the pipeline
 * @param component the component that ran it
 * @param parameters the resolved parameters, sorted by key, unmodifiable
 * @param cacheKey the key under which a COMPLETE execution may be reused, or {@code null} when the
 *     step is not cacheable
 * @param finishedAt {@code null} while {@link ExecutionState#RUNNING}
 */
public record Execution(
    long id,
    long pipelineRunId,
    String step,
    String component,
    Map<String, String> parameters,
    ExecutionState state,
    String cacheKey,
    Instant startedAt,
    Instant finishedAt) {
  public Execution {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(component, "component");
    parameters = StringMaps.copy("parameters", parameters);
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(startedAt, "startedAt");
  }
}
