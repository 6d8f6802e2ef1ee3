package dev.slipway.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A typed, content-addressed artifact recorded in the {@link MetadataStore}. Unique on
 * ({@code type}, {@code digest}): the same bytes registered twice as the same type are one artifact.
 *
 * @param type the artifact type, e.g. {@code "Dataset"}, {@code "Model"}
 * @param uri where the bytes live (see {@link StoredBlob#uri()})
 * @param digest lower-case hex SHA-256 of the bytes
 * @param size length in bytes
 * @param properties free-form string properties, sorted by key, unmodifiable
 */
public record Artifact(
    long id,
    String type,
    String uri,
    String digest,
    long size,
    Map<String, String> properties,
    Instant createdAt) {
  public Artifact {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(digest, "digest");
    properties = StringMaps.copy("properties", properties);
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
