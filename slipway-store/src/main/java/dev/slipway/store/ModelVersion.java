package dev.slipway.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable version of a registered model, numbered 1, 2, 3, … per model.
 *
 * @param artifactId the model artifact
 * @param pipelineRunId the pipeline run that produced it, or {@code null}
 * @param experimentRunId the experiment run it was tracked in, or {@code null}
 * @param tags sorted by key, unmodifiable
 */
public record ModelVersion(
    String name,
    int version,
    long artifactId,
    Long pipelineRunId,
    Long experimentRunId,
    Map<String, String> tags,
    Instant createdAt) {
  public ModelVersion {
    Objects.requireNonNull(name, "name");
    tags = StringMaps.copy("tags", tags);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
