package dev.slipway.data.engine;

import dev.slipway.core.FeatureType;
import java.nio.file.Path;
import java.util.Map;

/**
 * An immutable Parquet snapshot written by {@link DataEngine#snapshot}.
 *
 * @param file the Parquet file
 * @param sha256 hex SHA-256 of the Parquet bytes: the dataset version
 * @param sourceSha256 hex SHA-256 of the source file's bytes, or null for a JDBC query
 * @param rows number of rows
 * @param columns column name to type, in column order
 * @param invalidUtf8Values values of a CSV source whose bytes were not valid UTF-8; the snapshot
 *     holds them repaired (each invalid sequence replaced by U+FFFD), while {@code sourceSha256}
 *     stays the digest of the original bytes
 */
public record Snapshot(
    Path file, String sha256, String sourceSha256, long rows, Map<String, FeatureType> columns,
    long invalidUtf8Values) {
  public Snapshot {
    columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
  }

  /** A snapshot of a source without invalid UTF-8. */
  public Snapshot(Path file, String sha256, String sourceSha256, long rows, Map<String, FeatureType> columns) {
    this(file, sha256, sourceSha256, rows, columns, 0);
  }
}
