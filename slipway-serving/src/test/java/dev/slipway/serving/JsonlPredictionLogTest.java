package dev.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlPredictionLogTest {

  @TempDir Path dir;

  private static PredictionRecord record(String id, int age) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("age", (long) age);
    inputs.put("job", null);
    return new PredictionRecord(
        Instant.parse("2026-11-24T10:15:30Z"), id, "credit", "3", inputs, Map.of("value", 2.5));
  }

  @Test
  void createsParentDirectoriesAndWritesOneLinePerRecord() throws Exception {
    Path file = dir.resolve("a/b/predictions.jsonl");
    try (JsonlPredictionLog log = new JsonlPredictionLog(file)) {
      log.appendAll(List.of(record("r1", 41), record("r1", 42)));
      // Flushed per call: visible before close.
      assertThat(Files.readAllLines(file)).hasSize(2);
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0))
        .startsWith("{\"timestamp\":\"2026-11-24T10:15:30Z\",\"requestId\":\"r1\",\"model\":\"credit\",\"version\":\"3\"")
        .contains("\"job\":null")
        .contains("\"outputs\":{\"value\":2.5}");
  }

  @Test
  void appendsToAnExistingFileAndReadsBack() {
    Path file = dir.resolve("p.jsonl");
    try (JsonlPredictionLog log = new JsonlPredictionLog(file)) {
      log.append(record("r1", 41));
    }
    try (JsonlPredictionLog log = new JsonlPredictionLog(file)) {
      log.append(record("r2", 42));
    }
    List<PredictionRecord> back = JsonlPredictionLog.readAll(file);
    assertThat(back).extracting(PredictionRecord::requestId).containsExactly("r1", "r2");
    assertThat(back.get(1).inputs()).containsEntry("age", 42L).containsEntry("job", null);
    assertThat(back.get(1).timestamp()).isEqualTo(Instant.parse("2026-11-24T10:15:30Z"));
  }

  @Test
  void concurrentWritersNeverInterleaveLines() throws Exception {
    Path file = dir.resolve("p.jsonl");
    int threads = 8;
    int perThread = 200;
    try (JsonlPredictionLog log = new JsonlPredictionLog(file);
        ExecutorService pool = Executors.newFixedThreadPool(threads)) {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String id = "t" + t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    log.appendAll(List.of(record(id, i), record(id, i)));
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    }
    List<PredictionRecord> back = JsonlPredictionLog.readAll(file);
    assertThat(back).hasSize(threads * perThread * 2);
    // The two rows of one call are adjacent.
    for (int i = 0; i < back.size(); i += 2) {
      assertThat(back.get(i)).isEqualTo(back.get(i + 1));
    }
  }

  @Test
  void appendAfterCloseFailsNamingTheFile() {
    Path file = dir.resolve("p.jsonl");
    JsonlPredictionLog log = new JsonlPredictionLog(file);
    log.close();
    log.close();
    assertThatThrownBy(() -> log.append(record("r", 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(file.toString());
  }
}
