package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One SQLite file shared over time (reopen) and at once (two stores, two processes). */
class SqliteSharingIT {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String DIGEST = "c".repeat(64);

  @TempDir Path dir;

  @Test
  void reopeningKeepsDataAndAppliesMigrationsOnce() throws SQLException {
    Path db = dir.resolve("metadata.db");
    long artifactId;
    try (MetadataStore store = JdbcMetadataStore.sqlite(db)) {
      artifactId = store.putArtifact("Model", new StoredBlob(DIGEST, "file:///m", 1), Map.of(), T0)
          .id();
      store.registerModelVersion("iris", artifactId, null, null, null, T0);
      store.setAlias("iris", "production", 1);
    }

    try (MetadataStore reopened = JdbcMetadataStore.sqlite(db)) {
      assertThat(reopened.artifact(artifactId)).map(Artifact::digest).contains(DIGEST);
      assertThat(reopened.versionByAlias("iris", "production")).map(ModelVersion::version)
          .contains(1);
      assertThat(reopened.registerModelVersion("iris", artifactId, null, null, null, T0)
          .version()).as("numbering continues after reopen").isEqualTo(2);
      assertThat(reopened.putArtifact("Data", new StoredBlob("d".repeat(64), "file:///d", 1),
          Map.of(), T0).id()).as("ids continue after reopen").isEqualTo(artifactId + 1);
    }
    try (MetadataStore third = JdbcMetadataStore.sqlite(db)) {
      assertThat(third.versions("iris")).hasSize(2);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(
            "SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("version")).isEqualTo("1");
      assertThat(rs.getBoolean("success")).isTrue();
      assertThat(rs.next()).as("V1 applied exactly once").isFalse();
    }
  }

  @Test
  void twoStoresOpenedAtOnceOnOneFileBothWrite() throws Exception {
    Path db = dir.resolve("shared.db");
    int threadsPerStore = 3;
    int perThread = 25;
    CyclicBarrier opening = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2 + 2 * threadsPerStore);
    try {
      // Both open a fresh file at the same moment: migrations must not trip over each other.
      Future<MetadataStore> a = pool.submit(() -> {
        opening.await();
        return JdbcMetadataStore.sqlite(db);
      });
      Future<MetadataStore> b = pool.submit(() -> {
        opening.await();
        return JdbcMetadataStore.sqlite(db);
      });
      try (MetadataStore first = a.get(60, TimeUnit.SECONDS);
          MetadataStore second = b.get(60, TimeUnit.SECONDS)) {
        long artifactId = first.putArtifact("Model", new StoredBlob(DIGEST, "file:///m", 1),
            Map.of(), T0).id();
        List<Future<List<Integer>>> writers = new ArrayList<>();
        for (MetadataStore store : List.of(first, second)) {
          for (int t = 0; t < threadsPerStore; t++) {
            writers.add(pool.submit(() -> {
              List<Integer> versions = new ArrayList<>();
              for (int i = 0; i < perThread; i++) {
                versions.add(store.registerModelVersion("iris", artifactId, null, null, null, T0)
                    .version());
                PipelineRun run = store.startPipelineRun("p", "d", T0);
                store.finishPipelineRun(run.id(), RunState.SUCCEEDED, T0);
              }
              return versions;
            }));
          }
        }
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> writer : writers) {
          all.addAll(writer.get(120, TimeUnit.SECONDS));
        }

        int total = 2 * threadsPerStore * perThread;
        assertThat(all).as("every version number handed out once, no gaps")
            .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, total).boxed().toList());
        assertThat(second.versions("iris")).hasSize(total);
        assertThat(first.pipelineRuns("p")).hasSize(total)
            .allMatch(run -> run.state() == RunState.SUCCEEDED);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anotherProcessWritesTheSameFileConcurrently() throws Exception {
    Path db = dir.resolve("two-processes.db");
    int each = 40;
    try (MetadataStore store = JdbcMetadataStore.sqlite(db)) {
      long artifactId = store.putArtifact("Model", new StoredBlob(DIGEST, "file:///m", 1),
          Map.of(), T0).id();
      Process child = new ProcessBuilder(
              Path.of(System.getProperty("java.home"), "bin", "java").toString(),
              "--enable-native-access=ALL-UNNAMED",
              "-cp", System.getProperty("java.class.path"),
              RegisteringProcess.class.getName(),
              db.toString(), "iris", Long.toString(artifactId), Integer.toString(each))
          .redirectErrorStream(true)
          .redirectOutput(dir.resolve("child.log").toFile())
          .start();
      // Keep writing for as long as the child lives; the child waits for one of these writes.
      int parentWrites = 0;
      while (child.isAlive() || parentWrites == 0) {
        store.registerModelVersion("iris", artifactId, null, null, Map.of("writer", "parent"), T0);
        store.startPipelineRun("parent", "d", T0);
        parentWrites++;
      }
      assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(child.exitValue())
          .as(() -> "child failed: " + readQuietly(dir.resolve("child.log")))
          .isZero();

      List<ModelVersion> versions = store.versions("iris");
      assertThat(versions).extracting(ModelVersion::version)
          .containsExactlyElementsOf(IntStream.rangeClosed(1, each + parentWrites).boxed().toList());
      List<Integer> childVersions = versions.stream()
          .filter(v -> v.tags().get("writer").equals("child")).map(ModelVersion::version).toList();
      assertThat(childVersions).hasSize(each);
      // The child waits after its first write until the parent has written; so a parent version
      // lies between the child's first and last: the processes really wrote at the same time.
      assertThat(versions).filteredOn(v -> v.tags().get("writer").equals("parent"))
          .extracting(ModelVersion::version)
          .anyMatch(v -> v > childVersions.getFirst() && v < childVersions.getLast());
      assertThat(store.pipelineRuns("child")).hasSize(each);
      assertThat(store.pipelineRuns("parent")).hasSize(parentWrites);
    }
  }

  private static String readQuietly(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      return "(no log: " + e + ")";
    }
  }
}
