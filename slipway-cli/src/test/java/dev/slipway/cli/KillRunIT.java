package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Sha256;
import dev.slipway.store.Execution;
import dev.slipway.store.ExecutionState;
import dev.slipway.store.Stores;
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
    // Enough boosting rounds that training lasts well over a second.
    Files.writeString(
        pipeline,
        Files.readString(pipeline).replace("      task: classification",
            "      task: classification\n      hyperparameters: {num_round: 3000}"));
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "--home", home.toString(), "run", pipeline.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("run.log").toFile())
            .start();
    try {
      awaitRunningStep(home, dir.resolve("run.log"), "train", process);
    } finally {
      process.destroyForcibly();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }

    assertEveryVisibleBlobIsComplete(home.resolve("artifacts"));
    try (Stores stores = Stores.open(home)) {
      // The kill landed inside the train step: its execution never finished and no Model
      // artifact was recorded.
      assertThat(stores.metadata().executions(1))
          .filteredOn(e -> e.step().equals("train"))
          .singleElement()
          .extracting(Execution::state)
          .isEqualTo(ExecutionState.RUNNING);
    }

    Cli next = Cli.run(home, "run", pipeline.toString());
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.out()).contains("model      credit:1");
    assertEveryVisibleBlobIsComplete(home.resolve("artifacts"));
  }

  /** Polls the metadata store (WAL allows a concurrent reader) until the step is running. */
  private static void awaitRunningStep(Path home, Path log, String step, Process process)
      throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline && process.isAlive()) {
      // The run prints its first line after creating and migrating the store: only then open it.
      if (Files.readString(log).contains("pipeline credit (")) {
        try (Stores stores = Stores.open(home)) {
          boolean running = stores.metadata().executions(1).stream()
              .anyMatch(e -> e.step().equals(step) && e.state() == ExecutionState.RUNNING);
          if (running) {
            return;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("step '" + step + "' never started running; the process "
        + (process.isAlive() ? "is still alive" : "exited with " + process.exitValue()));
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
