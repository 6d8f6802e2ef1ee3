package dev.slipway.pipeline;

import dev.slipway.store.Artifact;
import dev.slipway.store.ExecutionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What one step did: ran ({@code COMPLETE}), reused earlier outputs ({@code CACHED}) or failed.
 *
 * @param notes progress notes the step emitted (empty when cached)
 */
public record StepResult(
    String step,
    String component,
    ExecutionState state,
    long executionId,
    Map<String, Artifact> outputs,
    Duration duration,
    List<String> notes) {}
