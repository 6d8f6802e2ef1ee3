package dev.slipway.store;

import static dev.slipway.store.JdbcMetadataStore.DEFAULT_PROJECT_ID;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for pipeline runs, their executions and the lineage events between executions and
 * artifacts. Callers own the transaction and validate plain arguments; this class checks what
 * needs the database (existence, state transitions).
 */
final class RunTables {
  private static final String SELECT_RUN =
      "SELECT id, pipeline, pipeline_digest, state, started_at, finished_at FROM pipeline_runs ";
  private static final String SELECT_EXECUTION =
      "SELECT e.id, e.pipeline_run_id, e.step, e.component, e.parameters, e.state, e.cache_key,"
          + " e.started_at, e.finished_at FROM executions e ";
  private static final String SELECT_EVENT =
      "SELECT execution_id, artifact_id, type, name FROM events ";

  private RunTables() {}

  // ---- pipeline runs

  static PipelineRun startRun(Handle h, String pipeline, String digest, Instant at) {
    PipelineRun run =
        new PipelineRun(
            Columns.nextId(h, "pipeline_runs"),
            pipeline,
            digest,
            RunState.RUNNING,
            Columns.stored(at),
            null);
    h.createUpdate(
            "INSERT INTO pipeline_runs (id, project_id, pipeline, pipeline_digest, state,"
                + " started_at) VALUES (:id, :project, :pipeline, :digest, 'RUNNING', :at)")
        .bind("id", run.id())
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("pipeline", pipeline)
        .bind("digest", digest)
        .bind("at", Columns.micros(at))
        .execute();
    return run;
  }

  static void finishRun(Handle h, long id, RunState state, Instant at) {
    Columns.finishRunning(h, "pipeline_runs", "pipeline run", id, state.name(), at, () -> "");
  }

  static Optional<PipelineRun> run(Handle h, long id) {
    return h.createQuery(SELECT_RUN + "WHERE id = :id")
        .bind("id", id)
        .map(RunTables::runRow)
        .findOne();
  }

  static List<PipelineRun> runs(Handle h, String pipeline) {
    return h.createQuery(
            SELECT_RUN
                + "WHERE project_id = :project AND pipeline = :pipeline"
                + " ORDER BY started_at DESC, id DESC")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("pipeline", pipeline)
        .map(RunTables::runRow)
        .list();
  }

  static NotFoundException missingRun(long id) {
    return new NotFoundException("pipeline run " + id + " does not exist");
  }

  // ---- executions

  static Execution startExecution(
      Handle h,
      long runId,
      String step,
      String component,
      Map<String, String> parameters,
      String cacheKey,
      Instant at) {
    if (run(h, runId).isEmpty()) {
      throw missingRun(runId);
    }
    Execution execution =
        new Execution(
            Columns.nextId(h, "executions"),
            runId,
            step,
            component,
            parameters,
            ExecutionState.RUNNING,
            cacheKey,
            Columns.stored(at),
            null);
    h.createUpdate(
            "INSERT INTO executions (id, pipeline_run_id, step, component, parameters, state,"
                + " cache_key, started_at)"
                + " VALUES (:id, :run, :step, :component, :parameters, 'RUNNING', :key, :at)")
        .bind("id", execution.id())
        .bind("run", runId)
        .bind("step", step)
        .bind("component", component)
        .bind("parameters", StringMaps.toJson(execution.parameters()))
        .bind("key", cacheKey)
        .bind("at", Columns.micros(at))
        .execute();
    return execution;
  }

  static void finishExecution(
      Handle h, long id, ExecutionState state, List<Event> events, Instant at) {
    Columns.finishRunning(
        h, "executions", "execution", id, state.name(), at,
        () -> execution(h, id).map(e -> " (step '" + e.step() + "')").orElse(""));
    insertEvents(h, id, events);
  }

  private static void insertEvents(Handle h, long executionId, List<Event> events) {
    Set<Event> seen = new HashSet<>();
    PreparedBatch batch =
        h.prepareBatch(
            "INSERT INTO events (execution_id, seq, artifact_id, type, name)"
                + " VALUES (:execution, :seq, :artifact, :type, :name)");
    for (int seq = 0; seq < events.size(); seq++) {
      Event event = events.get(seq);
      String where = event.type() + " event '" + event.name() + "' of execution " + executionId;
      if (event.executionId() != executionId) {
        throw new InvalidInputException(
            where + " carries executionId " + event.executionId() + "; expected " + executionId);
      }
      if (!seen.add(event)) {
        throw new InvalidInputException(
            where + " for artifact " + event.artifactId() + " is listed twice");
      }
      if (ArtifactTables.byId(h, event.artifactId()).isEmpty()) {
        throw new NotFoundException(
            where + " names artifact " + event.artifactId() + ", which does not exist");
      }
      batch
          .bind("execution", executionId)
          .bind("seq", seq)
          .bind("artifact", event.artifactId())
          .bind("type", event.type().name())
          .bind("name", event.name())
          .add();
    }
    if (!events.isEmpty()) {
      batch.execute();
    }
  }

  static Optional<Execution> latestCompleteByCacheKey(Handle h, String cacheKey) {
    return h.createQuery(
            SELECT_EXECUTION
                + "WHERE e.cache_key = :key AND e.state = 'COMPLETE'"
                + " ORDER BY e.started_at DESC, e.id DESC LIMIT 1")
        .bind("key", cacheKey)
        .map(RunTables::executionRow)
        .findOne();
  }

  static Optional<Execution> execution(Handle h, long id) {
    return h.createQuery(SELECT_EXECUTION + "WHERE e.id = :id")
        .bind("id", id)
        .map(RunTables::executionRow)
        .findOne();
  }

  static List<Execution> executions(Handle h, long runId) {
    return h.createQuery(
            SELECT_EXECUTION + "WHERE e.pipeline_run_id = :run ORDER BY e.started_at, e.id")
        .bind("run", runId)
        .map(RunTables::executionRow)
        .list();
  }

  static Optional<Execution> producerOf(Handle h, long artifactId) {
    return h.createQuery(
            SELECT_EXECUTION
                + "JOIN events ev ON ev.execution_id = e.id"
                + " WHERE ev.artifact_id = :artifact AND ev.type = 'OUTPUT'"
                + " AND e.state = 'COMPLETE' ORDER BY e.started_at, e.id LIMIT 1")
        .bind("artifact", artifactId)
        .map(RunTables::executionRow)
        .findOne();
  }

  // ---- events

  static List<Event> events(Handle h, long executionId) {
    return h.createQuery(SELECT_EVENT + "WHERE execution_id = :execution ORDER BY seq")
        .bind("execution", executionId)
        .map(RunTables::eventRow)
        .list();
  }

  static List<Event> eventsForArtifact(Handle h, long artifactId) {
    return h.createQuery(
            SELECT_EVENT + "WHERE artifact_id = :artifact ORDER BY execution_id, seq")
        .bind("artifact", artifactId)
        .map(RunTables::eventRow)
        .list();
  }

  private static PipelineRun runRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new PipelineRun(
        rs.getLong("id"),
        rs.getString("pipeline"),
        rs.getString("pipeline_digest"),
        RunState.valueOf(rs.getString("state")),
        Columns.instant(rs, "started_at"),
        Columns.instant(rs, "finished_at"));
  }

  private static Execution executionRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Execution(
        rs.getLong("id"),
        rs.getLong("pipeline_run_id"),
        rs.getString("step"),
        rs.getString("component"),
        Columns.map(rs, "parameters"),
        ExecutionState.valueOf(rs.getString("state")),
        rs.getString("cache_key"),
        Columns.instant(rs, "started_at"),
        Columns.instant(rs, "finished_at"));
  }

  private static Event eventRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Event(
        rs.getLong("execution_id"),
        rs.getLong("artifact_id"),
        EventType.valueOf(rs.getString("type")),
        rs.getString("name"));
  }
}
