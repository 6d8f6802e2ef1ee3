package dev.slipway.store;

import static dev.slipway.store.JdbcMetadataStore.DEFAULT_PROJECT_ID;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * SQL for experiment tracking: experiments, their runs, and each run's params, metrics and tags.
 * Callers own the transaction and validate plain arguments.
 */
final class TrackingTables {
  private static final String SELECT_RUN =
      "SELECT r.id, x.name AS experiment, r.name, r.pipeline_run_id, r.state, r.started_at,"
          + " r.finished_at FROM experiment_runs r JOIN experiments x ON x.id = r.experiment_id ";

  private TrackingTables() {}

  static ExperimentRun startRun(
      Handle h, String experiment, String name, Long pipelineRunId, Instant at) {
    if (pipelineRunId != null && RunTables.run(h, pipelineRunId).isEmpty()) {
      throw RunTables.missingRun(pipelineRunId);
    }
    long experimentId = experimentId(h, experiment, at);
    ExperimentRun run =
        new ExperimentRun(
            Columns.nextId(h, "experiment_runs"),
            experiment,
            name,
            pipelineRunId,
            RunState.RUNNING,
            Columns.stored(at),
            null);
    h.createUpdate(
            "INSERT INTO experiment_runs (id, experiment_id, name, pipeline_run_id, state,"
                + " started_at) VALUES (:id, :experiment, :name, :pipelineRun, 'RUNNING', :at)")
        .bind("id", run.id())
        .bind("experiment", experimentId)
        .bind("name", name)
        .bind("pipelineRun", pipelineRunId)
        .bind("at", Columns.micros(at))
        .execute();
    return run;
  }

  /** The experiment's id, creating the experiment (created at {@code at}) on first use. */
  private static long experimentId(Handle h, String experiment, Instant at) {
    Optional<Long> existing =
        h.createQuery("SELECT id FROM experiments WHERE project_id = :project AND name = :name")
            .bind("project", DEFAULT_PROJECT_ID)
            .bind("name", experiment)
            .mapTo(Long.class)
            .findOne();
    if (existing.isPresent()) {
      return existing.get();
    }
    long id = Columns.nextId(h, "experiments");
    h.createUpdate(
            "INSERT INTO experiments (id, project_id, name, created_at)"
                + " VALUES (:id, :project, :name, :at)")
        .bind("id", id)
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", experiment)
        .bind("at", Columns.micros(at))
        .execute();
    return id;
  }

  static void finishRun(Handle h, long id, RunState state, Instant at) {
    Columns.finishRunning(h, "experiment_runs", "experiment run", id, state.name(), at, () -> "");
  }

  static Optional<ExperimentRun> run(Handle h, long id) {
    return h.createQuery(SELECT_RUN + "WHERE r.id = :id")
        .bind("id", id)
        .map(TrackingTables::runRow)
        .findOne();
  }

  static List<ExperimentRun> runs(Handle h, String experiment) {
    return h.createQuery(
            SELECT_RUN
                + "WHERE x.project_id = :project AND x.name = :experiment"
                + " ORDER BY r.started_at DESC, r.id DESC")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("experiment", experiment)
        .map(TrackingTables::runRow)
        .list();
  }

  static void logParam(Handle h, long runId, String key, String value) {
    requireRun(h, runId);
    Optional<String> existing =
        h.createQuery("SELECT value FROM run_params WHERE run_id = :run AND name = :name")
            .bind("run", runId)
            .bind("name", key)
            .mapTo(String.class)
            .findOne();
    if (existing.isPresent()) {
      if (!existing.get().equals(value)) {
        throw new InvalidInputException(
            "param '" + key + "' of experiment run " + runId + " is already '" + existing.get()
                + "'; cannot change it to '" + value
                + "' (params are immutable: start a new run, or record it as a tag)");
      }
      return;
    }
    h.createUpdate("INSERT INTO run_params (run_id, name, value) VALUES (:run, :name, :value)")
        .bind("run", runId)
        .bind("name", key)
        .bind("value", value)
        .execute();
  }

  static void logMetric(Handle h, long runId, String key, double value, long step, Instant at) {
    requireRun(h, runId);
    h.createUpdate(
            "INSERT INTO run_metrics (id, run_id, name, value, step, logged_at)"
                + " VALUES (:id, :run, :name, :value, :step, :at)")
        .bind("id", Columns.nextId(h, "run_metrics"))
        .bind("run", runId)
        .bind("name", key)
        // SQLite turns NaN into NULL anyway; writing NULL makes both databases agree.
        .bind("value", Double.isNaN(value) ? null : value)
        .bind("step", step)
        .bind("at", Columns.micros(at))
        .execute();
  }

  static void setTag(Handle h, long runId, String key, String value) {
    requireRun(h, runId);
    h.createUpdate(
            "INSERT INTO run_tags (run_id, name, value) VALUES (:run, :name, :value)"
                + " ON CONFLICT (run_id, name) DO UPDATE SET value = excluded.value")
        .bind("run", runId)
        .bind("name", key)
        .bind("value", value)
        .execute();
  }

  static Map<String, String> params(Handle h, long runId) {
    return pairs(h, "SELECT name, value FROM run_params WHERE run_id = :run", runId);
  }

  static Map<String, String> tags(Handle h, long runId) {
    return pairs(h, "SELECT name, value FROM run_tags WHERE run_id = :run", runId);
  }

  static List<MetricPoint> metrics(Handle h, long runId) {
    return h.createQuery(
            "SELECT name, value, step, logged_at FROM run_metrics WHERE run_id = :run"
                + " ORDER BY name, step, logged_at, id")
        .bind("run", runId)
        .map(
            (rs, ctx) -> {
              double read = rs.getDouble("value");
              // wasNull() refers to the last column read, so ask before reading another.
              double value = rs.wasNull() ? Double.NaN : read;
              return new MetricPoint(
                  rs.getString("name"),
                  value,
                  rs.getLong("step"),
                  Columns.instant(rs, "logged_at"));
            })
        .list();
  }

  private static Map<String, String> pairs(Handle h, String sql, long runId) {
    SortedMap<String, String> result = new TreeMap<>();
    h.createQuery(sql)
        .bind("run", runId)
        .map((rs, ctx) -> Map.entry(rs.getString("name"), rs.getString("value")))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableSortedMap(result);
  }

  private static void requireRun(Handle h, long runId) {
    if (run(h, runId).isEmpty()) {
      throw missingRun(runId);
    }
  }

  static NotFoundException missingRun(long id) {
    return new NotFoundException("experiment run " + id + " does not exist");
  }

  private static ExperimentRun runRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ExperimentRun(
        rs.getLong("id"),
        rs.getString("experiment"),
        rs.getString("name"),
        Columns.nullableLong(rs, "pipeline_run_id"),
        RunState.valueOf(rs.getString("state")),
        Columns.instant(rs, "started_at"),
        Columns.instant(rs, "finished_at"));
  }
}
