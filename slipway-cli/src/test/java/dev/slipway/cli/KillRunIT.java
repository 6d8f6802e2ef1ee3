package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Sha256;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code slipway run} (SIGKILL) while a step runs: no partial artifact may become visible,
 * and the next run completes.
 */
class KillRunIT {
  @TempDir Path dir;

  @Test
  void aKilledRunLeavesNoPartialArtifactAndTheNextRunCompletes() throws Exception {
    Path home = dir.resolve("home");
    Path pipeline = Cli.copyExample(dir);
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--home", home.toString(), "run", pipeline.toString())
            .redirectErrorStream(true)
            .start();
    StringBuilder seen = new StringBuilder();
    try (InputStream out = process.getInputStream()) {
      int c;
      while ((c = out.read()) >= 0 && !seen.toString().contains("] train ")) {
        seen.append((char) c);
      }
      process.destroyForcibly();
    }
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(seen.toString()).contains("] train ");

    assertEveryVisibleBlobIsComplete(home.resolve("artifacts"));

    Cli next = Cli.run(home, "run", pipeline.toString());
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).contains("model      credit:1");
    assertEveryVisibleBlobIsComplete(home.resolve("artifacts"));
  }

  /** A blob's file name is its digest: a partial write would not hash to its name. */
  private static void assertEveryVisibleBlobIsComplete(Path artifacts) throws Exception {
    Path blobs = artifacts.resolve("sha256");
    if (!Files.isDirectory(blobs)) {
      return;
    }
    try (Stream<Path> files = Files.walk(blobs)) {
      List<Path> all = files.filter(Files::isRegularFile).toList();
      for (Path blob : all) {
        assertThat(Sha256.hex(blob)).as(blob.toString()).isEqualTo(blob.getFileName().toString());
      }
    }
  }
}
