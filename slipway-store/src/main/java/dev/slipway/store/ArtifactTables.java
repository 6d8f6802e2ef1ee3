package dev.slipway.store;

import static dev.slipway.store.JdbcMetadataStore.DEFAULT_PROJECT_ID;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** SQL for the {@code artifacts} table. Callers own the transaction and validate arguments. */
final class ArtifactTables {
  private static final String SELECT =
      "SELECT id, type, uri, digest, size, properties, created_at FROM artifacts ";

  private ArtifactTables() {}

  static Artifact put(
      Handle h, String type, StoredBlob blob, Map<String, String> properties, Instant at) {
    Optional<Artifact> existing = byDigest(h, type, blob.digest());
    if (existing.isPresent()) {
      return existing.get();
    }
    Artifact artifact =
        new Artifact(
            Columns.nextId(h, "artifacts"),
            type,
            blob.uri(),
            blob.digest(),
            blob.size(),
            properties,
            Columns.stored(at));
    h.createUpdate(
            "INSERT INTO artifacts (id, project_id, type, uri, digest, size, properties, created_at)"
                + " VALUES (:id, :project, :type, :uri, :digest, :size, :properties, :at)")
        .bind("id", artifact.id())
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("type", type)
        .bind("uri", artifact.uri())
        .bind("digest", artifact.digest())
        .bind("size", artifact.size())
        .bind("properties", StringMaps.toJson(artifact.properties()))
        .bind("at", Columns.micros(at))
        .execute();
    return artifact;
  }

  static Optional<Artifact> byId(Handle h, long id) {
    return h.createQuery(SELECT + "WHERE id = :id")
        .bind("id", id)
        .map(ArtifactTables::row)
        .findOne();
  }

  static Optional<Artifact> byDigest(Handle h, String type, String digest) {
    return h.createQuery(
            SELECT + "WHERE project_id = :project AND type = :type AND digest = :digest")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("type", type)
        .bind("digest", digest)
        .map(ArtifactTables::row)
        .findOne();
  }

  static List<Artifact> byType(Handle h, String type) {
    return h.createQuery(SELECT + "WHERE project_id = :project AND type = :type ORDER BY id")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("type", type)
        .map(ArtifactTables::row)
        .list();
  }

  /** {@code hexPrefix} must be validated hex: it goes into a LIKE pattern unescaped. */
  static List<Artifact> byDigestPrefix(Handle h, String hexPrefix) {
    return h.createQuery(
            SELECT + "WHERE project_id = :project AND digest LIKE :pattern ORDER BY id")
        .bind("project", DEFAULT_PROJECT_ID)
        .bind("pattern", hexPrefix + "%")
        .map(ArtifactTables::row)
        .list();
  }

  private static Artifact row(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Artifact(
        rs.getLong("id"),
        rs.getString("type"),
        rs.getString("uri"),
        rs.getString("digest"),
        rs.getLong("size"),
        Columns.map(rs, "properties"),
        Columns.instant(rs, "created_at"));
  }
}
