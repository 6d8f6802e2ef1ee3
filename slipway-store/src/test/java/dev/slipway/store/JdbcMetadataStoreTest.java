package dev.slipway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every entity round-trips through a real SQLite file; errors say what is wrong. */
class JdbcMetadataStoreTest {
  private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
  private static final String DIGEST_A = "a".repeat(64);
  private static final String DIGEST_B = "ab".repeat(32);

  @TempDir Path dir;
  private MetadataStore store;

  @BeforeEach
  void open() {
    store = JdbcMetadataStore.sqlite(dir.resolve("nested/metadata.db"),
        Clock.fixed(T0, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static Instant t(int seconds) {
    return T0.plusSeconds(seconds);
  }

  private Artifact artifact(String type, String digest) {
    return store.putArtifact(type, new StoredBlob(digest, "file:///blobs/" + digest, 42), Map.of(),
        T0);
  }

  @Test
  void artifactRoundTripIsUniqueOnTypeAndDigest() {
    StoredBlob blob = new StoredBlob(DIGEST_A, "file:///blobs/a", 123);
    Artifact first = store.putArtifact("Dataset", blob, Map.of("rows", "150", "format", "csv"));

    assertThat(first.createdAt()).as("taken from the injected clock").isEqualTo(T0);
    assertThat(first.properties()).containsExactly(
        Map.entry("format", "csv"), Map.entry("rows", "150"));
    assertThat(store.artifact(first.id())).contains(first);
    assertThat(store.artifactByDigest("Dataset", DIGEST_A)).contains(first);
    assertThat(store.artifactByDigest("Model", DIGEST_A)).isEmpty();

    Artifact again = store.putArtifact("Dataset", blob, Map.of("rows", "999"), t(5));
    assertThat(again).as("existing row returned unchanged").isEqualTo(first);

    Artifact otherType = store.putArtifact("Statistics", blob, Map.of(), t(6));
    assertThat(otherType.id()).isNotEqualTo(first.id());
    Artifact other = artifact("Dataset", DIGEST_B);

    assertThat(store.artifactsByDigest("AAAAAA")).containsExactly(first, otherType);
    assertThat(store.artifactsByDigest(DIGEST_B.substring(0, 10))).containsExactly(other);
    assertThat(store.artifactsByType("Dataset")).containsExactly(first, other);
    assertThat(store.artifactsByType("Nothing")).isEmpty();
    assertThat(store.artifact(999)).isEmpty();
    assertThatThrownBy(() -> store.artifactsByDigest("aaaaa"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'aaaaa'")
        .hasMessageContaining("at least 6");
    assertThatThrownBy(() -> store.artifactsByDigest("aaaaa%"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void pipelineRunRoundTripNewestFirst() {
    PipelineRun first = store.startPipelineRun("iris", DIGEST_A, t(0));
    PipelineRun second = store.startPipelineRun("iris", DIGEST_B, t(10));
    store.startPipelineRun("titanic", DIGEST_A, t(20));

    assertThat(first).isEqualTo(
        new PipelineRun(first.id(), "iris", DIGEST_A, RunState.RUNNING, t(0), null));
    store.finishPipelineRun(first.id(), RunState.SUCCEEDED, t(5));

    assertThat(store.pipelineRun(first.id())).contains(
        new PipelineRun(first.id(), "iris", DIGEST_A, RunState.SUCCEEDED, t(0), t(5)));
    assertThat(store.pipelineRuns("iris")).extracting(PipelineRun::id)
        .containsExactly(second.id(), first.id());
    assertThat(store.pipelineRuns("unknown")).isEmpty();

    assertThatThrownBy(() -> store.finishPipelineRun(first.id(), RunState.FAILED, t(6)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("pipeline run " + first.id()
            + " already finished as SUCCEEDED; cannot finish it again");
    assertThatThrownBy(() -> store.finishPipelineRun(second.id(), RunState.RUNNING, t(6)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("final state");
    assertThatThrownBy(() -> store.finishPipelineRun(404, RunState.FAILED, t(6)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("pipeline run 404 does not exist");
  }

  @Test
  void executionsEventsAndLineageRoundTrip() {
    PipelineRun run = store.startPipelineRun("iris", DIGEST_A, t(0));
    Artifact data = artifact("Dataset", DIGEST_A);
    Artifact model = artifact("Model", DIGEST_B);

    Execution ingest = store.startExecution(run.id(), "ingest", "CsvReader",
        Map.of("path", "iris.csv"), "key-ingest", t(1));
    Execution train = store.startExecution(run.id(), "train", "XGBoostTrainer",
        Map.of("eta", "0.3", "depth", "6"), "key-train", t(2));
    assertThat(train.state()).isEqualTo(ExecutionState.RUNNING);
    assertThat(train.finishedAt()).isNull();

    store.finishExecution(ingest.id(), ExecutionState.COMPLETE,
        List.of(new Event(ingest.id(), data.id(), EventType.OUTPUT, "dataset")), t(3));
    List<Event> trainEvents = List.of(
        new Event(train.id(), data.id(), EventType.INPUT, "train"),
        new Event(train.id(), data.id(), EventType.INPUT, "eval"),
        new Event(train.id(), model.id(), EventType.OUTPUT, "model"));
    store.finishExecution(train.id(), ExecutionState.COMPLETE, trainEvents, t(4));

    Execution finished = store.execution(train.id()).orElseThrow();
    assertThat(finished).isEqualTo(new Execution(train.id(), run.id(), "train", "XGBoostTrainer",
        Map.of("depth", "6", "eta", "0.3"), ExecutionState.COMPLETE, "key-train", t(2), t(4)));
    assertThat(store.executions(run.id())).extracting(Execution::step)
        .containsExactly("ingest", "train");
    assertThat(store.events(train.id())).isEqualTo(trainEvents);
    assertThat(store.eventsForArtifact(data.id())).containsExactly(
        new Event(ingest.id(), data.id(), EventType.OUTPUT, "dataset"),
        trainEvents.get(0), trainEvents.get(1));
    assertThat(store.producerOf(model.id())).contains(finished);
    assertThat(store.producerOf(data.id())).map(Execution::step).contains("ingest");
  }

  @Test
  void producerIsTheOldestCompleteWriter() {
    PipelineRun run = store.startPipelineRun("p", DIGEST_A, t(0));
    Artifact model = artifact("Model", DIGEST_B);
    Execution failed = store.startExecution(run.id(), "train", "T", Map.of(), "k", t(1));
    store.finishExecution(failed.id(), ExecutionState.FAILED,
        List.of(new Event(failed.id(), model.id(), EventType.OUTPUT, "model")), t(2));
    assertThat(store.producerOf(model.id())).isEmpty();

    Execution first = store.startExecution(run.id(), "train", "T", Map.of(), "k", t(3));
    Execution second = store.startExecution(run.id(), "train2", "T", Map.of(), "k2", t(4));
    store.finishExecution(second.id(), ExecutionState.COMPLETE,
        List.of(new Event(second.id(), model.id(), EventType.OUTPUT, "model")), t(5));
    store.finishExecution(first.id(), ExecutionState.COMPLETE,
        List.of(new Event(first.id(), model.id(), EventType.OUTPUT, "model")), t(6));

    assertThat(store.producerOf(model.id())).map(Execution::id).contains(first.id());
  }

  @Test
  void cacheLookupReturnsNewestCompleteAndIgnoresFailedRunningAndCached() {
    PipelineRun run = store.startPipelineRun("p", DIGEST_A, t(0));
    assertThat(store.latestCompleteByCacheKey("k")).isEmpty();

    Execution complete = store.startExecution(run.id(), "s", "C", Map.of(), "k", t(1));
    store.finishExecution(complete.id(), ExecutionState.COMPLETE, List.of(), t(2));
    Execution failed = store.startExecution(run.id(), "s", "C", Map.of(), "k", t(3));
    store.finishExecution(failed.id(), ExecutionState.FAILED, List.of(), t(4));
    Execution cached = store.startExecution(run.id(), "s", "C", Map.of(), "k", t(5));
    store.finishExecution(cached.id(), ExecutionState.CACHED, List.of(), t(6));
    store.startExecution(run.id(), "s", "C", Map.of(), "k", t(7)); // still RUNNING
    Execution otherKey = store.startExecution(run.id(), "s", "C", Map.of(), "other", t(8));
    store.finishExecution(otherKey.id(), ExecutionState.COMPLETE, List.of(), t(9));
    store.startExecution(run.id(), "s", "C", Map.of(), null, t(10)); // uncacheable step

    assertThat(store.latestCompleteByCacheKey("k")).map(Execution::id).contains(complete.id());

    Execution newer = store.startExecution(run.id(), "s", "C", Map.of(), "k", t(11));
    store.finishExecution(newer.id(), ExecutionState.COMPLETE, List.of(), t(12));
    assertThat(store.latestCompleteByCacheKey("k")).map(Execution::id).contains(newer.id());
  }

  @Test
  void finishExecutionIsOneTransaction() {
    PipelineRun run = store.startPipelineRun("p", DIGEST_A, t(0));
    Artifact data = artifact("Dataset", DIGEST_A);
    Execution exec = store.startExecution(run.id(), "train", "T", Map.of(), "k", t(1));
    List<Event> events = List.of(
        new Event(exec.id(), data.id(), EventType.INPUT, "train"),
        new Event(exec.id(), 777, EventType.OUTPUT, "model"));

    assertThatThrownBy(() -> store.finishExecution(exec.id(), ExecutionState.COMPLETE, events,
            t(2)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("OUTPUT event 'model' of execution " + exec.id()
            + " names artifact 777, which does not exist");

    assertThat(store.execution(exec.id())).map(Execution::state).contains(ExecutionState.RUNNING);
    assertThat(store.events(exec.id())).as("first event rolled back").isEmpty();
    assertThat(store.latestCompleteByCacheKey("k")).isEmpty();

    assertThatThrownBy(() -> store.finishExecution(exec.id(), ExecutionState.COMPLETE,
            List.of(new Event(exec.id() + 1, data.id(), EventType.INPUT, "train")), t(2)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("carries executionId " + (exec.id() + 1));
    assertThatThrownBy(() -> store.startExecution(404, "s", "C", Map.of(), "k", t(2)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("pipeline run 404 does not exist");

    store.finishExecution(exec.id(), ExecutionState.FAILED, List.of(), t(3));
    assertThatThrownBy(() -> store.finishExecution(exec.id(), ExecutionState.COMPLETE,
            List.of(), t(4)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("step 'train'")
        .hasMessageContaining("already finished as FAILED");
  }

  @Test
  void experimentTrackingRoundTrip() {
    PipelineRun pipelineRun = store.startPipelineRun("iris", DIGEST_A, t(0));
    ExperimentRun run = store.startExperimentRun("iris-xgb", "baseline", pipelineRun.id(), t(1));
    ExperimentRun manual = store.startExperimentRun("iris-xgb", null, null, t(2));

    store.logParam(run.id(), "eta", "0.3");
    store.logParam(run.id(), "eta", "0.3"); // same value again: a no-op, as in MLflow
    store.logParam(run.id(), "depth", "6");
    store.logMetric(run.id(), "loss", 0.9, 0, t(3));
    store.logMetric(run.id(), "loss", 0.5, 1, t(4));
    store.logMetric(run.id(), "auc", Double.NaN, 0, t(3));
    store.logMetric(run.id(), "auc", Double.POSITIVE_INFINITY, 1, t(4));
    store.setTag(run.id(), "owner", "ann");
    store.setTag(run.id(), "owner", "bob");
    store.finishExperimentRun(run.id(), RunState.SUCCEEDED, t(5));

    assertThat(store.experimentRun(run.id())).contains(new ExperimentRun(run.id(), "iris-xgb",
        "baseline", pipelineRun.id(), RunState.SUCCEEDED, t(1), t(5)));
    assertThat(store.experimentRun(manual.id())).contains(new ExperimentRun(manual.id(),
        "iris-xgb", null, null, RunState.RUNNING, t(2), null));
    assertThat(store.experimentRuns("iris-xgb")).extracting(ExperimentRun::id)
        .containsExactly(manual.id(), run.id());
    assertThat(store.params(run.id())).isEqualTo(Map.of("depth", "6", "eta", "0.3"));
    assertThat(store.metrics(run.id())).containsExactly(
        new MetricPoint("auc", Double.NaN, 0, t(3)),
        new MetricPoint("auc", Double.POSITIVE_INFINITY, 1, t(4)),
        new MetricPoint("loss", 0.9, 0, t(3)),
        new MetricPoint("loss", 0.5, 1, t(4)));
    assertThat(store.tags(run.id())).isEqualTo(Map.of("owner", "bob"));
    assertThat(store.params(manual.id())).isEmpty();

    assertThatThrownBy(() -> store.logParam(run.id(), "eta", "0.1"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("param 'eta' of experiment run " + run.id()
            + " is already '0.3'; cannot change it to '0.1'");
    assertThatThrownBy(() -> store.logMetric(404, "loss", 1, 0, t(6)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("experiment run 404 does not exist");
    assertThatThrownBy(() -> store.startExperimentRun("e", "n", 404L, t(6)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("pipeline run 404 does not exist");
    assertThatThrownBy(() -> store.startExperimentRun(" ", "n", null, t(6)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("experiment name must not be blank");
  }

  @Test
  void modelVersionsAreNumberedPerModelFromOne() {
    Artifact model = artifact("Model", DIGEST_A);
    PipelineRun run = store.startPipelineRun("iris", DIGEST_A, t(0));
    ExperimentRun exp = store.startExperimentRun("iris-xgb", "r", run.id(), t(0));

    ModelVersion v1 = store.registerModelVersion("iris", model.id(), run.id(), exp.id(),
        Map.of("stage", "candidate"), t(1));
    ModelVersion v2 = store.registerModelVersion("iris", model.id(), null, null, null, t(2));
    ModelVersion v3 = store.registerModelVersion("iris", model.id(), null, null, Map.of(), t(3));
    ModelVersion other = store.registerModelVersion("churn", model.id(), null, null, null, t(4));

    assertThat(List.of(v1.version(), v2.version(), v3.version())).containsExactly(1, 2, 3);
    assertThat(other.version()).isEqualTo(1);
    assertThat(v1).isEqualTo(new ModelVersion("iris", 1, model.id(), run.id(), exp.id(),
        Map.of("stage", "candidate"), t(1)));
    assertThat(store.versions("iris")).containsExactly(v1, v2, v3);
    assertThat(store.version("iris", 2)).contains(v2);
    assertThat(store.version("iris", 4)).isEmpty();
    assertThat(store.models()).containsExactly(
        new RegisteredModel("churn", t(4)), new RegisteredModel("iris", t(1)));
    assertThat(store.model("iris")).contains(new RegisteredModel("iris", t(1)));
    assertThat(store.model("nope")).isEmpty();
    assertThat(store.versions("nope")).isEmpty();

    assertThatThrownBy(() -> store.registerModelVersion("iris", 999, null, null, null, t(5)))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("cannot register model 'iris': artifact 999 does not exist");
    assertThat(store.versions("iris")).as("failed registration used no number").hasSize(3);
    assertThat(store.registerModelVersion("iris", model.id(), null, null, null, t(6)).version())
        .isEqualTo(4);
  }

  @Test
  void aliasesMoveAndAreValidated() {
    Artifact model = artifact("Model", DIGEST_A);
    store.registerModelVersion("iris", model.id(), null, null, null, t(1));
    ModelVersion v2 = store.registerModelVersion("iris", model.id(), null, null, null, t(2));

    store.setAlias("iris", "production", 1);
    store.setAlias("iris", "challenger-2", 2);
    assertThat(store.versionByAlias("iris", "production")).map(ModelVersion::version).contains(1);

    store.setAlias("iris", "production", 2);

    assertThat(store.versionByAlias("iris", "production")).contains(v2);
    assertThat(store.aliases("iris")).containsExactly(
        Map.entry("challenger-2", 2), Map.entry("production", 2));
    assertThat(store.versionByAlias("iris", "staging")).isEmpty();
    assertThat(store.aliases("nope")).isEmpty();

    assertThatThrownBy(() -> store.setAlias("iris", "production", 7))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'iris' has no version 7");
    assertThatThrownBy(() -> store.setAlias("nope", "production", 1))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("model 'nope' does not exist");
    for (String bad : List.of("Production", "1st", "prod uction", "", "prod/x")) {
      assertThatThrownBy(() -> store.setAlias("iris", bad, 1))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("alias '" + bad + "'");
    }
    assertThat(store.aliases("iris")).containsEntry("production", 2);
  }

  @Test
  void timestampsKeepMicrosecondsIncludingBeforeTheEpoch() {
    Instant precise = Instant.parse("2026-11-24T10:00:00.123456789Z");
    Instant old = Instant.parse("1969-12-31T23:59:59.999999Z");

    PipelineRun run = store.startPipelineRun("p", DIGEST_A, precise);
    store.finishPipelineRun(run.id(), RunState.FAILED, old);

    Instant micros = Instant.parse("2026-11-24T10:00:00.123456Z");
    assertThat(run.startedAt()).isEqualTo(micros);
    assertThat(store.pipelineRun(run.id()).orElseThrow())
        .extracting(PipelineRun::startedAt, PipelineRun::finishedAt)
        .containsExactly(micros, old);
  }

  @Test
  void schemaHasTheDefaultProjectAndUsesWal() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(
            "nested/metadata.db"));
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT id, name FROM projects")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getLong("id")).isEqualTo(1);
        assertThat(rs.getString("name")).isEqualTo("default");
        assertThat(rs.next()).isFalse();
      }
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        assertThat(rs.getString(1)).isEqualToIgnoringCase("wal");
      }
    }
  }

  @Test
  void closedStoreRefusesCalls() {
    store.close();
    assertThatThrownBy(() -> store.models())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is closed");
  }
}
