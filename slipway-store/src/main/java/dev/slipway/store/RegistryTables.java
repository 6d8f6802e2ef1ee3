package dev.slipway.store;

import static dev.slipway.store.JdbcMetadataStore.DEFAULT_PROJECT_ID;

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
 * SQL for the model registry: registered models, their numbered versions and aliases. Callers own
 * the transaction and validate plain arguments.
 */
final class RegistryTables {
  private static final String SELECT_VERSION =
      "SELECT m.name, v.version, v.artifact_id, v.pipeline_run_id, v.experiment_run_id, v.tags,"
          + " v.created_at FROM model_versions v JOIN registered_models m ON m.id = v.model_id"
          + " WHERE m.project_id = :project AND m.name = :name ";

  private RegistryTables() {}

  static ModelVersion register(
      Handle h,
      String name,
      long artifactId,
      Long pipelineRunId,
      Long experimentRunId,
      Map<String, String> tags,
      Instant at) {
    if (ArtifactTables.byId(h, artifactId).isEmpty()) {
      throw new NotFoundException(
          "cannot register model '" + name + "': artifact " + artifactId + " does not exist");
    }
    if (pipelineRunId != null && RunTables.run(h, pipelineRunId).isEmpty()) {
      throw RunTables.missingRun(pipelineRunId);
    }
    if (experimentRunId != null && TrackingTables.run(h, experimentRunId).isEmpty()) {
      throw TrackingTables.missingRun(experimentRunId);
    }
    long modelId = modelId(h, name).orElseGet(() -> createModel(h, name, at));
    // Incrementing the counter locks the model's row until commit: no two versions share a number.
    h.createUpdate("UPDATE registered_models SET last_version = last_version + 1 WHERE id = :id")
        .bind("id", modelId)
        .execute();
    int number =
        h.createQuery("SELECT last_version FROM registered_models WHERE id = :id")
            .bind("id", modelId)
            .mapTo(Integer.class)
            .one();
    ModelVersion version =
        new ModelVersion(
            name, number, artifactId, pipelineRunId, experimentRunId, tags, Columns.stored(at));
    h.createUpdate(
            "INSERT INTO model_versions (model_id, version, artifact_id, pipeline_run_id,"
                + " experiment_run_id, tags, created_at)"
                + " VALUES (:model, :version, :artifact, :pipelineRun, :experimentRun, :tags, :at)")
        .bind("model", modelId)
        .bind("version", number)
        .bind("artifact", artifactId)
        .bind("pipelineRun", pipelineRunId)
        .bind("experimentRun", experimentRunId)
        .bind("tags", StringMaps.toJson(version.tags()))
        .bind("at", Columns.micros(at))
        .execute();
    return version;
  }

  private static long createModel(Handle h, String name, Instant at) {
    long id = Columns.nextId(h, "registered_models");
    h.createUpdate(
            "INSERT INTO registered_models (id, project_id, name, last_version, created_at)"
                + " VALUES (:id, :project, :name, 0, :at)")
        .bind("id", id)
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .bind("at", Columns.micros(at))
        .execute();
    return id;
  }

  static Optional<Long> modelId(Handle h, String name) {
    return h.createQuery(
            "SELECT id FROM registered_models WHERE project_id = :project AND name = :name")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .mapTo(Long.class)
        .findOne();
  }

  static List<RegisteredModel> models(Handle h) {
    return h.createQuery(
            "SELECT name, created_at FROM registered_models WHERE project_id = :project"
                + " ORDER BY name")
        .bind("project", DEFAULT_PROJECT_ID)
        .map(RegistryTables::modelRow)
        .list();
  }

  static Optional<RegisteredModel> model(Handle h, String name) {
    return h.createQuery(
            "SELECT name, created_at FROM registered_models"
                + " WHERE project_id = :project AND name = :name")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .map(RegistryTables::modelRow)
        .findOne();
  }

  static List<ModelVersion> versions(Handle h, String name) {
    return h.createQuery(SELECT_VERSION + "ORDER BY v.version")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .map(RegistryTables::versionRow)
        .list();
  }

  static Optional<ModelVersion> version(Handle h, String name, int version) {
    return h.createQuery(SELECT_VERSION + "AND v.version = :version")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .bind("version", version)
        .map(RegistryTables::versionRow)
        .findOne();
  }

  static void setAlias(Handle h, String name, String alias, int version) {
    long modelId =
        modelId(h, name)
            .orElseThrow(() -> new NotFoundException("model '" + name + "' does not exist"));
    if (version(h, name, version).isEmpty()) {
      throw new NotFoundException("model '" + name + "' has no version " + version);
    }
    h.createUpdate(
            "INSERT INTO model_aliases (model_id, alias, version) VALUES (:model, :alias, :version)"
                + " ON CONFLICT (model_id, alias) DO UPDATE SET version = excluded.version")
        .bind("model", modelId)
        .bind("alias", alias)
        .bind("version", version)
        .execute();
  }

  static Optional<ModelVersion> versionByAlias(Handle h, String name, String alias) {
    return h.createQuery(
            SELECT_VERSION
                + "AND v.version = (SELECT a.version FROM model_aliases a"
                + " WHERE a.model_id = m.id AND a.alias = :alias)")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .bind("alias", alias)
        .map(RegistryTables::versionRow)
        .findOne();
  }

  static Map<String, Integer> aliases(Handle h, String name) {
    SortedMap<String, Integer> result = new TreeMap<>();
    h.createQuery(
            "SELECT a.alias, a.version FROM model_aliases a"
                + " JOIN registered_models m ON m.id = a.model_id"
                + " WHERE m.project_id = :project AND m.name = :name")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("name", name)
        .map((rs, ctx) -> Map.entry(rs.getString("alias"), rs.getInt("version")))
        .forEach(e -> result.put(e.getKey(), e.getValue()));
    return Collections.unmodifiableSortedMap(result);
  }

  private static RegisteredModel modelRow(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return new RegisteredModel(rs.getString("name"), Columns.instant(rs, "created_at"));
  }

  private static ModelVersion versionRow(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ModelVersion(
        rs.getString("name"),
        rs.getInt("version"),
        rs.getLong("artifact_id"),
        Columns.nullableLong(rs, "pipeline_run_id"),
        Columns.nullableLong(rs, "experiment_run_id"),
        Columns.map(rs, "tags"),
        Columns.instant(rs, "created_at"));
  }
}
