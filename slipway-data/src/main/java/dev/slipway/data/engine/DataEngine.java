package dev.slipway.data.engine;

import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Sha256;
import dev.slipway.core.Statistics;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.data.SlicedStatistics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Slipway's data engine: one in-process, in-memory DuckDB database per instance.
 *
 * <p>Design: every operation first turns its {@link DataSource} into a relation inside DuckDB — a
 * view over {@code read_parquet} for Parquet, a temporary table for CSV, JSON lines and JDBC (so
 * that the text is parsed once however many passes follow) — and then works in SQL. Rows never
 * cross into the JVM except in {@link #table}, which exists for the small in-memory path. Large
 * temporary tables spill to DuckDB's temp directory instead of the heap.
 *
 * <p>Determinism: Parquet is written with one thread, zstd and fixed row groups, so the same rows
 * under the same engine version give the same bytes (and the same dataset version). Statistics
 * use all threads; their SQL is order-independent.
 *
 * <p>Errors: a missing file is a {@link NotFoundException}; anything wrong with the data is an
 * {@link InvalidInputException} whose one-line message names the source, the line and row, and
 * the column. Not thread-safe: use one engine per thread.
 */
public final class DataEngine implements AutoCloseable {
  private final DuckDBConnection connection;
  private final int threads;
  private int relations;
  /** Relations read from a repaired copy of a CSV that was not valid UTF-8, by relation name. */
  private final Map<String, Utf8Repair> invalidUtf8 = new HashMap<>();
  private final List<Path> temporaryFiles = new ArrayList<>();
  private int utf8Repairs;

  private DataEngine(DuckDBConnection connection, int threads) {
    this.connection = connection;
    this.threads = threads;
  }

  /** An engine using every core. */
  public static DataEngine open() {
    return open(Runtime.getRuntime().availableProcessors());
  }

  /** An engine whose queries use {@code threads} threads (writes always use one). */
  public static DataEngine open(int threads) {
    try {
      Connection c = DriverManager.getConnection("jdbc:duckdb:");
      DataEngine engine = new DataEngine(c.unwrap(DuckDBConnection.class), Math.max(1, threads));
      engine.execute("SET threads = " + engine.threads);
      return engine;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot start the DuckDB engine: " + e.getMessage(), e);
    }
  }

  /**
   * Writes the source's rows to {@code out} as Parquet and digests it.
   *
   * @throws InvalidInputException when the source cannot be read or has no rows
   */
  public Snapshot snapshot(DataSource source, Path out) {
    String sourceSha = null;
    if (source instanceof DataSource.Csv csv) {
      sourceSha = SourceScan.of(csv.file(), csv.options().maxLineBytes(), true).sha256();
    } else if (!(source instanceof DataSource.Jdbc)) {
      Path file = file(source);
      requireFile(file);
      sourceSha = Sha256.hex(file);
    }
    String rel = relation(source, true);
    long rows = count(rel);
    if (rows == 0) {
      throw new InvalidInputException(source.describe() + ": has no data rows; nothing to snapshot");
    }
    copyToParquet("SELECT * FROM " + rel, out);
    Utf8Repair repair = invalidUtf8.get(rel);
    return new Snapshot(out, Sha256.hex(out), sourceSha, rows, columns(rel),
        repair == null ? 0 : repair.total());
  }

  /**
   * Statistics of every column; see {@link SqlStatistics} for definitions. For a CSV that is not
   * valid UTF-8, string columns report in {@code invalidUtf8} how many values had invalid bytes
   * (the other statistics describe the repaired text, with U+FFFD for each invalid sequence).
   */
  public Statistics statistics(DataSource source) {
    String rel = unorderedRelation(source);
    return withInvalidUtf8(new SqlStatistics(this).compute(rel), invalidUtf8.get(rel));
  }

  private static Statistics withInvalidUtf8(Statistics stats, Utf8Repair repair) {
    if (repair == null) {
      return stats;
    }
    List<Statistics.Feature> features = new ArrayList<>();
    for (Statistics.Feature f : stats.features()) {
      long invalid = repair.invalidValues().getOrDefault(f.name(), 0L);
      Statistics.StringSummary s = f.strings();
      features.add(s == null || invalid == 0 ? f : new Statistics.Feature(f.name(), f.type(), f.count(),
          f.missing(), f.numeric(), new Statistics.StringSummary(s.distinct(), s.topValues(),
              s.rankHistogram(), s.avgLength(), invalid)));
    }
    return new Statistics(stats.rows(), features);
  }

  /** How many CSV reads took the slow path that repairs invalid UTF-8 (0 while all is valid). */
  int utf8Repairs() {
    return utf8Repairs;
  }

  /**
   * Statistics of the whole and of each value of {@code sliceColumn} (missing values form the
   * slice {@code "(missing)"}), at most {@code maxSlices} most frequent slices.
   */
  public SlicedStatistics statistics(DataSource source, String sliceColumn, int maxSlices) {
    String rel = unorderedRelation(source);
    if (!columns(rel).containsKey(sliceColumn)) {
      throw new InvalidInputException("no column '" + sliceColumn + "' to slice by in "
          + source.describe() + "; the columns are " + String.join(", ", columns(rel).keySet()));
    }
    SqlStatistics sql = new SqlStatistics(this);
    // invalid UTF-8 counts are per column, not per row, so only the whole carries them
    Statistics overall = withInvalidUtf8(sql.compute(rel), invalidUtf8.get(rel));
    Map<String, Statistics> slices = new LinkedHashMap<>();
    String col = ident(sliceColumn);
    for (String value : strings("SELECT coalesce(CAST(" + col + " AS VARCHAR), '(missing)') v, count(*) c FROM "
        + rel + " GROUP BY v ORDER BY c DESC, v LIMIT " + maxSlices)) {
      String where = value.equals("(missing)") ? col + " IS NULL" : "CAST(" + col + " AS VARCHAR) = " + literal(value);
      String view = "slice_" + (++relations);
      execute("CREATE TEMP VIEW " + view + " AS SELECT * FROM " + rel + " WHERE " + where);
      slices.put(value, sql.compute(view));
    }
    return new SlicedStatistics(sliceColumn, overall, slices);
  }

  /**
   * Splits the source by {@code rule} into Parquet files ({@code test} may be null when the rule
   * makes no test split) and returns the rows in each split, keyed train/eval/test.
   */
  public Map<String, Long> split(DataSource source, SplitRule rule, Path train, Path eval, Path test) {
    String rel = relation(source, true);
    Map<String, FeatureType> columns = columns(rel);
    String bucket = switch (rule) {
      case SplitRule.Hash h -> {
        requireColumn(columns, h.keyColumn(), source);
        String u = "CAST(('0x' || substr(md5(coalesce(CAST(" + ident(h.keyColumn())
            + " AS VARCHAR), '')), 1, 8)) AS UBIGINT) / 4294967296.0";
        yield "CASE WHEN " + u + " < " + h.evalFraction() + " THEN 'eval' WHEN " + u + " < "
            + (h.evalFraction() + h.testFraction()) + " THEN 'test' ELSE 'train' END";
      }
      case SplitRule.Time t -> {
        requireColumn(columns, t.column(), source);
        String c = "CAST(" + ident(t.column()) + " AS TIMESTAMP)";
        long undated = scalarLong("SELECT count(*) FROM " + rel + " WHERE " + ident(t.column()) + " IS NULL");
        if (undated > 0) {
          throw new InvalidInputException(source.describe() + ": column '" + t.column() + "' has "
              + undated + " missing values; a time split needs every row dated");
        }
        yield "CASE WHEN " + c + " < CAST(" + literal(t.evalFrom()) + " AS TIMESTAMP) THEN 'train'"
            + (t.testFrom() == null ? "" : " WHEN " + c + " >= CAST(" + literal(t.testFrom()) + " AS TIMESTAMP) THEN 'test'")
            + " ELSE 'eval' END";
      }
    };
    String assigned = "split_" + (++relations);
    execute("CREATE TEMP TABLE " + assigned + " AS SELECT *, " + bucket + " AS __slipway_split FROM " + rel);
    Map<String, Long> counts = new LinkedHashMap<>();
    Map<String, Path> outs = new LinkedHashMap<>();
    outs.put("train", train);
    outs.put("eval", eval);
    outs.put("test", test);
    for (Map.Entry<String, Path> e : outs.entrySet()) {
      long n = scalarLong("SELECT count(*) FROM " + assigned + " WHERE __slipway_split = '" + e.getKey() + "'");
      if (e.getValue() == null) {
        if (n > 0) {
          throw new InvalidInputException("the split rule puts " + n + " rows in test but no test output was given");
        }
        continue;
      }
      if (n == 0 && !e.getKey().equals("test")) {
        throw new InvalidInputException(source.describe() + ": the " + e.getKey() + " split would be empty; "
            + "adjust the fractions or cutoffs");
      }
      copyToParquet("SELECT * EXCLUDE (__slipway_split) FROM " + assigned + " WHERE __slipway_split = '"
          + e.getKey() + "'", e.getValue());
      counts.put(e.getKey(), n);
    }
    return counts;
  }

  /** Reads the source into an in-memory {@link Table}: numeric columns as numbers, the rest as text. */
  public Table table(DataSource source) {
    String rel = relation(source, true);
    Map<String, FeatureType> types = columns(rel);
    int rows = Math.toIntExact(count(rel));
    List<String> names = List.copyOf(types.keySet());
    try {
      if (source instanceof DataSource.Parquet parquet
          && Runtime.getRuntime().availableProcessors() > 1
          && names.size() > 1
          && (long) rows * names.size() >= PARALLEL_READ_VALUES) {
        return new Table(readInTwo(parquet, rel, names, types, rows));
      }
      return new Table(read(connection, rel, names, types, rows));
    } catch (SQLException e) {
      throw readError(source, e);
    }
  }

  /**
   * From this many values up, {@link #table} reads a Parquet file's columns in two halves on two
   * connections at once: the JDBC result set costs ~30-60 ns a value in Java, and two threads
   * halve it (Fashion-MNIST's 10000 x 785 split: 270 ms on one, 140 ms on two). This is Java-side
   * work, so it does not depend on the engine's DuckDB thread count.
   */
  static final long PARALLEL_READ_VALUES = 1_000_000;

  private List<Column> readInTwo(
      DataSource.Parquet parquet, String rel, List<String> names, Map<String, FeatureType> types,
      int rows) throws SQLException {
    int half = names.size() / 2;
    // The second connection shares the database but not this one's temporary views, so it reads
    // the file itself; a Parquet scan keeps the file's row order on both.
    String file = "read_parquet(" + literal(parquet.file().toString()) + ")";
    FutureTask<List<Column>> right =
        new FutureTask<>(() -> {
          try (Connection second = connection.duplicate()) {
            return read(second, file, names.subList(half, names.size()), types, rows);
          }
        });
    Thread.ofPlatform().name("slipway-table-read").daemon().start(right);
    List<Column> out = new ArrayList<>(read(connection, rel, names.subList(0, half), types, rows));
    try {
      out.addAll(right.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading " + parquet.describe(), e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      throw new IllegalStateException("cannot read " + parquet.describe(), e.getCause());
    }
    return out;
  }

  /** The named columns of {@code from}, materialised: numbers as doubles (NaN for missing), text as strings. */
  private static List<Column> read(
      Connection c, String from, List<String> names, Map<String, FeatureType> types, int rows)
      throws SQLException {
    List<Object> arrays = new ArrayList<>(names.size());
    for (String name : names) {
      arrays.add(types.get(name) == FeatureType.STRING ? new String[rows] : new double[rows]);
    }
    String select = names.stream().map(DataEngine::ident).collect(Collectors.joining(", "));
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT " + select + " FROM " + from)) {
      int row = 0;
      while (r.next()) {
        for (int col = 0; col < arrays.size(); col++) {
          if (arrays.get(col) instanceof double[] d) {
            double v = r.getDouble(col + 1);
            d[row] = r.wasNull() ? Double.NaN : v;
          } else {
            ((String[]) arrays.get(col))[row] = r.getString(col + 1);
          }
        }
        row++;
      }
    }
    List<Column> out = new ArrayList<>(names.size());
    for (int col = 0; col < names.size(); col++) {
      Object a = arrays.get(col);
      out.add(a instanceof double[] d ? new NumericColumn(names.get(col), d) : new StringColumn(names.get(col), (String[]) a));
    }
    return out;
  }

  /** Writes an in-memory table as Parquet (numbers as DOUBLE, text as VARCHAR) via the appender. */
  public Snapshot writeParquet(Table table, Path out) {
    String name = "mem_" + (++relations);
    String ddl = table.columns().stream()
        .map(c -> ident(c.name()) + (c instanceof NumericColumn ? " DOUBLE" : " VARCHAR"))
        .collect(Collectors.joining(", "));
    execute("CREATE TEMP TABLE " + name + " (" + ddl + ")");
    try (DuckDBAppender appender = connection.createAppender("temp", "main", name)) {
      for (int row = 0; row < table.rowCount(); row++) {
        appender.beginRow();
        for (Column c : table.columns()) {
          if (c.isMissing(row)) {
            appender.appendNull();
          } else if (c instanceof NumericColumn n) {
            appender.append(n.get(row));
          } else {
            appender.append(((StringColumn) c).get(row));
          }
        }
        appender.endRow();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot append rows: " + e.getMessage(), e);
    }
    copyToParquet("SELECT * FROM " + name, out);
    Map<String, FeatureType> types = columns(name);
    execute("DROP TABLE " + name);
    return new Snapshot(out, Sha256.hex(out), null, table.rowCount(), types);
  }

  /** Column names and Slipway types of a source, reading only what the format needs. */
  public Map<String, FeatureType> columns(DataSource source) {
    return columns(relation(source, false));
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close the DuckDB engine: " + e.getMessage(), e);
    } finally {
      for (Path file : temporaryFiles) {
        try {
          Files.deleteIfExists(file);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException("cannot delete the temporary file " + file, e);
        }
      }
    }
  }

  // ---- relations

  /**
   * A materialised relation whose row order may differ from the source's: for statistics, which
   * are order-independent. Without DuckDB's insertion-order guarantee both threads append to the
   * table independently, which halved the parse of the 10M-row benchmark CSV.
   */
  String unorderedRelation(DataSource source) {
    execute("SET preserve_insertion_order = false");
    try {
      return relation(source, true);
    } finally {
      execute("SET preserve_insertion_order = true");
    }
  }

  /** Makes the source queryable and returns the relation's name. */
  String relation(DataSource source, boolean materialise) {
    String name = "src_" + (++relations);
    long sample = source instanceof DataSource.Csv csv ? csv.options().sampleRows() : 0;
    try (Statement s = connection.createStatement()) {
      switch (source) {
        case DataSource.Csv csv -> csvRelation(s, name, csv, materialise);
        case DataSource.Parquet p -> {
          requireFile(p.file());
          s.execute("CREATE TEMP VIEW " + name + " AS SELECT * FROM read_parquet(" + literal(p.file().toString()) + ")");
        }
        case DataSource.JsonLines j -> {
          requireFile(j.file());
          s.execute("CREATE TEMP " + (materialise ? "TABLE " : "VIEW ") + name + " AS SELECT * FROM read_json("
              + literal(j.file().toString()) + ", format = 'newline_delimited')");
        }
        case DataSource.Jdbc j -> new JdbcImport(connection).into(name, j);
      }
    } catch (SQLException e) {
      throw EngineErrors.reading(source, e, sample);
    }
    return name;
  }

  /**
   * A CSV relation. When DuckDB refuses the file as invalid UTF-8, {@link Utf8Repair} counts the
   * invalid values per column and the relation reads its repaired copy instead (the slow path).
   */
  private void csvRelation(Statement s, String name, DataSource.Csv csv, boolean materialise)
      throws SQLException {
    SourceScan scan = SourceScan.of(csv.file(), csv.options().maxLineBytes(), false);
    CsvHeader header = CsvHeader.parse(csv.file(), scan.header(), csv.options().delimiter());
    String create = "CREATE TEMP " + (materialise ? "TABLE " : "VIEW ") + name + " AS SELECT * FROM ";
    DataSource.Csv read = csv;
    try {
      s.execute(create + readCsv(read, header, false));
    } catch (SQLException e) {
      if (!Utf8Repair.isInvalidUtf8(e)) {
        locateMalformedRowIfSniffing(e, csv, read, header);
        throw e;
      }
      Utf8Repair repair = Utf8Repair.of(csv.file(), header, temporaryFile());
      utf8Repairs++;
      invalidUtf8.put(name, repair);
      read = new DataSource.Csv(repair.file(), csv.options());
      // a fresh statement: DuckDB closes the one whose query failed
      try (Statement retry = connection.createStatement()) {
        retry.execute(create + readCsv(read, header, false));
      } catch (SQLException again) {
        locateMalformedRowIfSniffing(again, csv, read, header);
        throw again;
      }
    }
    List<String> names = new ArrayList<>(columns(name).keySet());
    if (!names.equals(header.names())) {
      // The sniffer skips leading rows it cannot reconcile and takes a later row as header.
      locateMalformedRow(csv, read, header);
      throw new InvalidInputException(csv.file() + ": line 1: the engine read columns " + names
          + " but the header names " + header.names() + "; check the delimiter and quotes");
    }
  }

  private void locateMalformedRowIfSniffing(SQLException e, DataSource.Csv csv, DataSource.Csv read,
      CsvHeader header) {
    if (String.valueOf(e.getMessage()).contains("Error when sniffing")) {
      locateMalformedRow(csv, read, header); // throws with the line when it finds one
    }
  }

  private Path temporaryFile() {
    try {
      Path file = Files.createTempFile("slipway-utf8-", ".csv");
      temporaryFiles.add(file);
      return file;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot create a temporary file for the repaired CSV", e);
    }
  }

  /**
   * DuckDB's sniffer fails without a line number when a row in its sample has the wrong number of
   * fields; reading again with every column declared as text finds and names that row.
   */
  private void locateMalformedRow(DataSource.Csv csv, DataSource.Csv read, CsvHeader header) {
    // a fresh statement: DuckDB closes the one whose query failed
    try (Statement s = connection.createStatement()) {
      s.execute("SELECT count(*) FROM " + readCsv(read, header, true));
    } catch (SQLException e) {
      throw EngineErrors.reading(csv, e, csv.options().sampleRows());
    }
  }

  private static String readCsv(DataSource.Csv csv, CsvHeader header, boolean allText) {
    CsvOptions o = csv.options();
    StringBuilder sql = new StringBuilder("read_csv(").append(literal(csv.file().toString()));
    if (allText) {
      sql.append(", auto_detect = false, columns = {").append(header.names().stream()
          .map(n -> literal(n) + ": 'VARCHAR'").collect(Collectors.joining(", "))).append("}");
    }
    sql.append(", header = true, delim = ").append(literal(String.valueOf(header.delimiter())));
    sql.append(", quote = '\"', escape = '\"', strict_mode = true");
    // Only numbers and text: DuckDB would otherwise turn yes/no into booleans and reformat dates.
    sql.append(", auto_type_candidates = ['BIGINT', 'DOUBLE', 'VARCHAR']");
    sql.append(", nullstr = [").append(o.nullValues().stream().map(DataEngine::literal)
        .collect(Collectors.joining(", "))).append(o.nullValues().isEmpty() ? "''" : ", ''").append("]");
    sql.append(", sample_size = ").append(o.sampleRows());
    sql.append(", max_line_size = ").append(o.maxLineBytes());
    Map<String, String> types = new LinkedHashMap<>();
    for (String name : allText ? List.<String>of() : header.names()) {
      FeatureType t = o.types().get(name);
      if (t != null) {
        types.put(name, switch (t) {
          case INT -> "BIGINT";
          case FLOAT -> "DOUBLE";
          case STRING -> "VARCHAR";
        });
      }
    }
    if (!types.isEmpty()) {
      sql.append(", types = {").append(types.entrySet().stream()
          .map(e -> literal(e.getKey()) + ": " + literal(e.getValue()))
          .collect(Collectors.joining(", "))).append("}");
    }
    return sql.append(")").toString();
  }

  Map<String, FeatureType> columns(String rel) {
    Map<String, FeatureType> out = new LinkedHashMap<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery("DESCRIBE SELECT * FROM " + rel)) {
      while (r.next()) {
        out.put(r.getString(1), typeOf(r.getString(2)));
      }
    } catch (SQLException e) {
      throw new InvalidInputException("cannot describe " + rel + ": " + EngineErrors.firstLine(e.getMessage()), e);
    }
    return out;
  }

  /** INT for integer types, FLOAT for floating and decimal types, STRING for everything else. */
  static FeatureType typeOf(String duckType) {
    String t = duckType.toUpperCase(java.util.Locale.ROOT);
    if (t.matches("U?(BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT)")) {
      return FeatureType.INT;
    }
    if (t.equals("DOUBLE") || t.equals("FLOAT") || t.startsWith("DECIMAL")) {
      return FeatureType.FLOAT;
    }
    return FeatureType.STRING;
  }

  private void copyToParquet(String select, Path out) {
    try {
      Files.deleteIfExists(out);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot replace " + out, e);
    }
    execute("SET threads = 1");
    try {
      execute("COPY (" + select + ") TO " + literal(out.toString())
          + " (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)");
    } finally {
      execute("SET threads = " + threads);
    }
  }

  // ---- small SQL helpers

  Connection connection() {
    return connection;
  }

  long count(String rel) {
    return scalarLong("SELECT count(*) FROM " + rel);
  }

  long scalarLong(String sql) {
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new InvalidInputException(EngineErrors.firstLine(e.getMessage()), e);
    }
  }

  private List<String> strings(String sql) {
    List<String> out = new ArrayList<>();
    try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    } catch (SQLException e) {
      throw new InvalidInputException(EngineErrors.firstLine(e.getMessage()), e);
    }
    return out;
  }

  void execute(String sql) {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new InvalidInputException(EngineErrors.firstLine(e.getMessage()), e);
    }
  }

  static String ident(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static Path file(DataSource source) {
    return switch (source) {
      case DataSource.Csv c -> c.file();
      case DataSource.Parquet p -> p.file();
      case DataSource.JsonLines j -> j.file();
      case DataSource.Jdbc j -> throw new IllegalArgumentException("a JDBC source has no file");
    };
  }

  private static void requireFile(Path file) {
    if (!Files.exists(file)) {
      throw new NotFoundException("file not found: " + file);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new InvalidInputException(file + ": not a readable regular file");
    }
  }

  private static void requireColumn(Map<String, FeatureType> columns, String name, DataSource source) {
    if (!columns.containsKey(name)) {
      throw new InvalidInputException("no column '" + name + "' in " + source.describe()
          + "; the columns are " + String.join(", ", columns.keySet()));
    }
  }

  private static InvalidInputException readError(DataSource source, SQLException e) {
    return EngineErrors.reading(source, e, source instanceof DataSource.Csv c ? c.options().sampleRows() : 0);
  }

  /** A typed JDBC result streamed into a DuckDB table with the appender. */
  private record JdbcImport(DuckDBConnection target) {
    void into(String table, DataSource.Jdbc source) throws SQLException {
      try (Connection c = DriverManager.getConnection(source.url());
          Statement s = c.createStatement()) {
        s.setFetchSize(10_000);
        try (ResultSet r = s.executeQuery(source.query())) {
          ResultSetMetaData m = r.getMetaData();
          int n = m.getColumnCount();
          boolean[] numeric = new boolean[n];
          List<String> ddl = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            int t = m.getColumnType(i + 1);
            boolean integer = t == java.sql.Types.INTEGER || t == java.sql.Types.BIGINT
                || t == java.sql.Types.SMALLINT || t == java.sql.Types.TINYINT;
            boolean real = t == java.sql.Types.DOUBLE || t == java.sql.Types.FLOAT
                || t == java.sql.Types.REAL || t == java.sql.Types.DECIMAL || t == java.sql.Types.NUMERIC;
            numeric[i] = integer || real;
            ddl.add(ident(m.getColumnLabel(i + 1)) + (integer ? " BIGINT" : real ? " DOUBLE" : " VARCHAR"));
          }
          try (Statement t = target.createStatement()) {
            t.execute("CREATE TEMP TABLE " + table + " (" + String.join(", ", ddl) + ")");
          }
          try (DuckDBAppender appender = target.createAppender("temp", "main", table)) {
            while (r.next()) {
              appender.beginRow();
              for (int i = 0; i < n; i++) {
                append(appender, r, i + 1, numeric[i], m.getColumnType(i + 1));
              }
              appender.endRow();
            }
          }
        }
      }
    }

    private static void append(DuckDBAppender a, ResultSet r, int i, boolean numeric, int type)
        throws SQLException {
      if (!numeric) {
        String v = r.getString(i);
        if (v == null) {
          a.appendNull();
        } else {
          a.append(v);
        }
      } else if (type == java.sql.Types.INTEGER || type == java.sql.Types.BIGINT
          || type == java.sql.Types.SMALLINT || type == java.sql.Types.TINYINT) {
        long v = r.getLong(i);
        if (r.wasNull()) {
          a.appendNull();
        } else {
          a.append(v);
        }
      } else {
        double v = r.getDouble(i);
        if (r.wasNull()) {
          a.appendNull();
        } else {
          a.append(v);
        }
      }
    }
  }
}
