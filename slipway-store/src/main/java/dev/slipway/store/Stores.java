package dev.slipway.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The two stores a Slipway home holds: metadata ({@code <home>/metadata.db}, SQLite) and artifact
 * blobs ({@code <home>/artifacts/}). Closing it closes the metadata store.
 */
public record Stores(MetadataStore metadata, ArtifactStore artifacts) implements AutoCloseable {
  public Stores {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(artifacts, "artifacts");
  }

  /** Opens the stores under {@code home}, creating the directory, database and blob store. */
  public static Stores open(Path home) {
    ArtifactStore artifacts = new LocalArtifactStore(home.resolve("artifacts"));
    return new Stores(JdbcMetadataStore.sqlite(home.resolve("metadata.db")), artifacts);
  }

  @Override
  public void close() {
    metadata.close();
  }
}
