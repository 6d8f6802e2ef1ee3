package dev.slipway.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {
  @TempDir Path dir;

  @Test
  void openCreatesTheHomeLayoutAndReopenSeesTheSameData() {
    Path home = dir.resolve("home/.slipway");
    long artifactId;
    try (Stores stores = Stores.open(home)) {
      StoredBlob blob = stores.artifacts().put("sepal_length\n5.1\n".getBytes(UTF_8));
      artifactId = stores.metadata().putArtifact("Dataset", blob, Map.of(), Instant.EPOCH).id();
    }

    assertThat(home.resolve("metadata.db")).isRegularFile();
    assertThat(home.resolve("artifacts/sha256")).isDirectory();
    try (Stores stores = Stores.open(home)) {
      Artifact artifact = stores.metadata().artifact(artifactId).orElseThrow();
      assertThat(stores.artifacts().contains(artifact.digest())).isTrue();
      assertThat(stores.artifacts().path(artifact.digest()).toUri().toString())
          .isEqualTo(artifact.uri());
    }
  }
}
