package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.SlipwayException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A {@link MetadataStore} on a JDBC database: SQLite by default ({@link #sqlite(Path)}), or any
 * {@link DataSource} whose database runs the portable migrations in {@code db/migration}
 * (PostgreSQL does; it needs {@code flyway-database-postgresql} on the class path).
 *
 * <p>Design: this class validates arguments and owns connections and transactions; the SQL lives
 * in package-private {@code *Tables} classes, one per area (artifacts, runs and lineage, tracking,
 * registry), whose methods take an open {@link org.jdbi.v3.core.Handle}. Each public write is one
 * transaction. Ids come from an {@code id_sequences} table rather than vendor auto-increment, so
 * the same SQL runs on SQLite and PostgreSQL. Database errors surface as {@link SlipwayException}
 * naming the store and the operation.
 *
 * <p>Concurrency: SQLite runs in WAL mode, so readers never block; writers take the database lock
 * when their transaction begins ({@code BEGIN IMMEDIATE}) and wait up to {@link
 * #BUSY_TIMEOUT_MILLIS} for another writer, in this process or another. Thread-safe: every call
 * uses its own connection.
 */
public final class JdbcMetadataStore implements MetadataStore {
  /** How long an SQLite writer waits for another writer before failing. */
  public static final int BUSY_TIMEOUT_MILLIS = 30_000;

  /** Every top-level row belongs to this project until multi-project support lands. */
  static final long DEFAULT_PROJECT_ID = 1;

  private static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9_-]*");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]+");
  private static final int MIN_DIGEST_PREFIX = 6;

  private final Jdbi jdbi;
  private final Clock clock;
  private final String description;
  private volatile boolean closed;

  /**
   * A store on {@code dataSource}, migrated to the current schema.
   *
   * @param clock used only by {@link #putArtifact(String, StoredBlob, Map)}
   */
  public JdbcMetadataStore(DataSource dataSource, Clock clock) {
    this(dataSource, dataSource, clock, dataSource.toString());
  }

  private JdbcMetadataStore(
      DataSource migrations, DataSource dataSource, Clock clock, String description) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.description = description;
    migrate(migrations, description);
    this.jdbi = Jdbi.create(dataSource);
  }

  /** An SQLite store in {@code dbFile} (created with its parent directories when absent). */
  public static MetadataStore sqlite(Path dbFile) {
    return sqlite(dbFile, Clock.systemUTC());
  }

  /** As {@link #sqlite(Path)}, reading {@code clock} for artifacts registered without a time. */
  public static MetadataStore sqlite(Path dbFile, Clock clock) {
    Path file = dbFile.toAbsolutePath().normalize();
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the directory of " + file, e);
    }
    // Flyway manages its own transactions across connections; BEGIN IMMEDIATE there could make
    // its connections wait on each other, so migrations use default (deferred) transactions.
    return new JdbcMetadataStore(
        sqliteDataSource(file, false), sqliteDataSource(file, true), clock, file.toString());
  }

  private static DataSource sqliteDataSource(Path file, boolean immediate) {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.enforceForeignKeys(true);
    if (immediate) {
      // A deferred transaction that reads and then writes fails at once with SQLITE_BUSY when
      // another connection wrote in between; taking the write lock up front waits instead.
      config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    }
    SQLiteDataSource dataSource = new SQLiteDataSource(config);
    dataSource.setUrl("jdbc:sqlite:" + file);
    return dataSource;
  }

  private static void migrate(DataSource dataSource, String description) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            // Log through SLF4J (the application picks the backend), not java.util.logging.
            .loggers("slf4j")
            .load();
    try {
      flyway.migrate();
    } catch (FlywayException e) {
      throw new SlipwayException(
          "cannot migrate metadata store " + description + ": " + e.getMessage(), e);
    }
  }

  // ---- artifacts

  @Override
  public Artifact putArtifact(String type, StoredBlob blob, Map<String, String> properties) {
    return putArtifact(type, blob, properties, clock.instant());
  }

  @Override
  public Artifact putArtifact(
      String type, StoredBlob blob, Map<String, String> properties, Instant at) {
    requireText("artifact type", type);
    Objects.requireNonNull(blob, "blob");
    Map<String, String> props = StringMaps.copy("artifact properties", properties);
    requireTime(at);
    return write("record artifact " + type + " " + blob.digest(),
        h -> ArtifactTables.put(h, type, blob, props, at));
  }

  @Override
  public Optional<Artifact> artifact(long id) {
    return read("read artifact " + id, h -> ArtifactTables.byId(h, id));
  }

  @Override
  public Optional<Artifact> artifactByDigest(String type, String digest) {
    return read("find artifact " + type + " " + digest,
        h -> ArtifactTables.byDigest(h, type, digest));
  }

  @Override
  public List<Artifact> artifactsByType(String type) {
    requireText("artifact type", type);
    return read("list artifacts of type " + type, h -> ArtifactTables.byType(h, type));
  }

  @Override
  public List<Artifact> artifactsByDigest(String digestPrefix) {
    String prefix = digestPrefix == null ? "" : digestPrefix.toLowerCase(Locale.ROOT);
    if (prefix.length() < MIN_DIGEST_PREFIX || !HEX.matcher(prefix).matches()) {
      throw new InvalidInputException(
          "digest prefix '" + digestPrefix + "' is not usable; give at least "
              + MIN_DIGEST_PREFIX + " hex characters");
    }
    return read("find artifacts by digest " + prefix,
        h -> ArtifactTables.byDigestPrefix(h, prefix));
  }

  // ---- pipeline runs and executions

  @Override
  public PipelineRun startPipelineRun(String pipeline, String pipelineDigest, Instant at) {
    requireText("pipeline name", pipeline);
    requireText("pipeline digest", pipelineDigest);
    requireTime(at);
    return write("start a run of pipeline '" + pipeline + "'",
        h -> RunTables.startRun(h, pipeline, pipelineDigest, at));
  }

  @Override
  public void finishPipelineRun(long id, RunState state, Instant at) {
    requireFinal("pipeline run state", state, RunState.RUNNING);
    requireTime(at);
    write("finish pipeline run " + id, h -> {
      RunTables.finishRun(h, id, state, at);
      return null;
    });
  }

  @Override
  public Optional<PipelineRun> pipelineRun(long id) {
    return read("read pipeline run " + id, h -> RunTables.run(h, id));
  }

  @Override
  public List<PipelineRun> pipelineRuns(String pipeline) {
    return read("list runs of pipeline '" + pipeline + "'", h -> RunTables.runs(h, pipeline));
  }

  @Override
  public Execution startExecution(
      long pipelineRunId,
      String step,
      String component,
      Map<String, String> parameters,
      String cacheKey,
      Instant at) {
    requireText("step", step);
    requireText("component", component);
    Map<String, String> params = StringMaps.copy("parameters of step '" + step + "'", parameters);
    if (cacheKey != null) {
      requireText("cache key", cacheKey);
    }
    requireTime(at);
    return write("start step '" + step + "' of pipeline run " + pipelineRunId,
        h -> RunTables.startExecution(h, pipelineRunId, step, component, params, cacheKey, at));
  }

  @Override
  public void finishExecution(
      long executionId, ExecutionState state, List<Event> events, Instant at) {
    requireFinal("execution state", state, ExecutionState.RUNNING);
    List<Event> copy = List.copyOf(Objects.requireNonNull(events, "events"));
    requireTime(at);
    write("finish execution " + executionId, h -> {
      RunTables.finishExecution(h, executionId, state, copy, at);
      return null;
    });
  }

  @Override
  public Optional<Execution> latestCompleteByCacheKey(String cacheKey) {
    Objects.requireNonNull(cacheKey, "cacheKey");
    return read("look up cache key " + cacheKey,
        h -> RunTables.latestCompleteByCacheKey(h, cacheKey));
  }

  @Override
  public Optional<Execution> execution(long id) {
    return read("read execution " + id, h -> RunTables.execution(h, id));
  }

  @Override
  public List<Execution> executions(long pipelineRunId) {
    return read("list executions of pipeline run " + pipelineRunId,
        h -> RunTables.executions(h, pipelineRunId));
  }

  @Override
  public List<Event> events(long executionId) {
    return read("list events of execution " + executionId,
        h -> RunTables.events(h, executionId));
  }

  @Override
  public List<Event> eventsForArtifact(long artifactId) {
    return read("list events of artifact " + artifactId,
        h -> RunTables.eventsForArtifact(h, artifactId));
  }

  @Override
  public Optional<Execution> producerOf(long artifactId) {
    return read("find the producer of artifact " + artifactId,
        h -> RunTables.producerOf(h, artifactId));
  }

  // ---- experiment tracking

  @Override
  public ExperimentRun startExperimentRun(
      String experiment, String name, Long pipelineRunId, Instant at) {
    requireText("experiment name", experiment);
    requireTime(at);
    return write("start a run of experiment '" + experiment + "'",
        h -> TrackingTables.startRun(h, experiment, name, pipelineRunId, at));
  }

  @Override
  public void logParam(long runId, String key, String value) {
    requireText("param key", key);
    Objects.requireNonNull(value, () -> "value of param '" + key + "'");
    write("log param '" + key + "' of experiment run " + runId, h -> {
      TrackingTables.logParam(h, runId, key, value);
      return null;
    });
  }

  @Override
  public void logMetric(long runId, String key, double value, long step, Instant at) {
    requireText("metric key", key);
    requireTime(at);
    write("log metric '" + key + "' of experiment run " + runId, h -> {
      TrackingTables.logMetric(h, runId, key, value, step, at);
      return null;
    });
  }

  @Override
  public void setTag(long runId, String key, String value) {
    requireText("tag key", key);
    Objects.requireNonNull(value, () -> "value of tag '" + key + "'");
    write("set tag '" + key + "' of experiment run " + runId, h -> {
      TrackingTables.setTag(h, runId, key, value);
      return null;
    });
  }

  @Override
  public void finishExperimentRun(long runId, RunState state, Instant at) {
    requireFinal("experiment run state", state, RunState.RUNNING);
    requireTime(at);
    write("finish experiment run " + runId, h -> {
      TrackingTables.finishRun(h, runId, state, at);
      return null;
    });
  }

  @Override
  public Optional<ExperimentRun> experimentRun(long id) {
    return read("read experiment run " + id, h -> TrackingTables.run(h, id));
  }

  @Override
  public List<ExperimentRun> experimentRuns(String experiment) {
    return read("list runs of experiment '" + experiment + "'",
        h -> TrackingTables.runs(h, experiment));
  }

  @Override
  public Map<String, String> params(long runId) {
    return read("read params of experiment run " + runId, h -> TrackingTables.params(h, runId));
  }

  @Override
  public List<MetricPoint> metrics(long runId) {
    return read("read metrics of experiment run " + runId, h -> TrackingTables.metrics(h, runId));
  }

  @Override
  public Map<String, String> tags(long runId) {
    return read("read tags of experiment run " + runId, h -> TrackingTables.tags(h, runId));
  }

  // ---- model registry

  @Override
  public ModelVersion registerModelVersion(
      String name,
      long artifactId,
      Long pipelineRunId,
      Long experimentRunId,
      Map<String, String> tags,
      Instant at) {
    requireText("model name", name);
    Map<String, String> tagCopy = StringMaps.copy("tags of model '" + name + "'", tags);
    requireTime(at);
    return write("register a version of model '" + name + "'",
        h -> RegistryTables.register(h, name, artifactId, pipelineRunId, experimentRunId, tagCopy,
            at));
  }

  @Override
  public List<RegisteredModel> models() {
    return read("list models", RegistryTables::models);
  }

  @Override
  public Optional<RegisteredModel> model(String name) {
    return read("read model '" + name + "'", h -> RegistryTables.model(h, name));
  }

  @Override
  public List<ModelVersion> versions(String name) {
    return read("list versions of model '" + name + "'", h -> RegistryTables.versions(h, name));
  }

  @Override
  public Optional<ModelVersion> version(String name, int version) {
    return read("read version " + version + " of model '" + name + "'",
        h -> RegistryTables.version(h, name, version));
  }

  @Override
  public void setAlias(String name, String alias, int version) {
    requireText("model name", name);
    if (alias == null || !ALIAS.matcher(alias).matches()) {
      throw new InvalidInputException(
          "alias '" + alias + "' of model '" + name + "' is not valid; use a lower-case letter"
              + " followed by lower-case letters, digits, '_' or '-' (e.g. 'production')");
    }
    write("set alias '" + alias + "' of model '" + name + "'", h -> {
      RegistryTables.setAlias(h, name, alias, version);
      return null;
    });
  }

  @Override
  public Optional<ModelVersion> versionByAlias(String name, String alias) {
    return read("resolve alias '" + alias + "' of model '" + name + "'",
        h -> RegistryTables.versionByAlias(h, name, alias));
  }

  @Override
  public Map<String, Integer> aliases(String name) {
    return read("list aliases of model '" + name + "'", h -> RegistryTables.aliases(h, name));
  }

  @Override
  public void close() {
    closed = true;
  }

  @Override
  public String toString() {
    return "JdbcMetadataStore[" + description + "]";
  }

  // ---- plumbing

  private <T> T read(String what, HandleCallback<T, RuntimeException> callback) {
    requireOpen(what);
    try {
      return jdbi.withHandle(callback);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  private <T> T write(String what, HandleCallback<T, RuntimeException> callback) {
    requireOpen(what);
    try {
      return jdbi.inTransaction(callback);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  private void requireOpen(String what) {
    if (closed) {
      throw new IllegalStateException(
          "cannot " + what + ": metadata store " + description + " is closed");
    }
  }

  private SlipwayException failure(String what, JdbiException e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return new SlipwayException(
        "metadata store " + description + ": cannot " + what + ": " + root.getMessage(), e);
  }

  private static void requireText(String what, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(what + " must not be blank; got '" + value + "'");
    }
  }

  private static void requireTime(Instant at) {
    Objects.requireNonNull(at, "timestamp 'at'");
  }

  private static <E extends Enum<E>> void requireFinal(String what, E state, E running) {
    if (state == null || state == running) {
      throw new InvalidInputException(
          what + " must be a final state, got " + state + "; RUNNING is only set on start");
    }
  }
}
