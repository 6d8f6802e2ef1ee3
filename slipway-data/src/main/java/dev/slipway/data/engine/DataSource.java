package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/** Where rows come from: a file in one of the supported formats, or a JDBC query. */
public sealed interface DataSource
    permits DataSource.Csv, DataSource.Parquet, DataSource.JsonLines, DataSource.Jdbc {

  /** A name for error messages: the file or the JDBC URL. */
  String describe();

  /** A CSV file (UTF-8, optional BOM, RFC 4180 quoting). */
  record Csv(Path file, CsvOptions options) implements DataSource {
    public Csv {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(options, "options");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /** A Parquet file. */
  record Parquet(Path file) implements DataSource {
    public Parquet {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /** A file of JSON objects, one per line. */
  record JsonLines(Path file) implements DataSource {
    public JsonLines {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * The result of a query over any JDBC URL whose driver is on the class path; rows are streamed
   * into the engine with DuckDB's appender (fetch size 10,000).
   */
  record Jdbc(String url, String query) implements DataSource {
    public Jdbc {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(query, "query");
    }

    @Override
    public String describe() {
      return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
  }

  /**
   * The source for a file, by extension: {@code .parquet}, {@code .jsonl}/{@code .ndjson}, else
   * CSV with {@code options}.
   */
  static DataSource of(Path file, CsvOptions options) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return new Parquet(file);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return new JsonLines(file);
    }
    if (name.endsWith(".json")) {
      throw new InvalidInputException(
          file + ": plain .json is not read; write one JSON object per line and name it .jsonl");
    }
    return new Csv(file, options);
  }

  /** {@link #of(Path, CsvOptions)} with {@link CsvOptions#defaults()}. */
  static DataSource of(Path file) {
    return of(file, CsvOptions.defaults());
  }
}
