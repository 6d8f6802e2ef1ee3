package dev.slipway.pipeline.components;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.slipway.core.FeatureType;
import dev.slipway.core.Json;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import dev.slipway.data.CsvWriter;
import dev.slipway.data.engine.CsvOptions;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import dev.slipway.pipeline.InputArtifact;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How datasets travel between steps: ingested snapshots and (since split version 2) splits are
 * Parquet, typed, marked {@code format=parquet} and read through the data engine; older splits
 * are canonical CSV plus a {@code column_types} property, so that a string column holding only
 * digits is still read back as strings.
 */
final class Tables {
  private Tables() {}

  static final String COLUMN_TYPES = "column_types";

  static StepOutput write(Table table, Path file, Map<String, String> properties) {
    try (OutputStream out = Files.newOutputStream(file)) {
      CsvWriter.write(table, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put(COLUMN_TYPES, typesJson(table));
    props.put("rows", Integer.toString(table.rowCount()));
    return new StepOutput(file, props);
  }

  /**
   * Writes {@code table} as Parquet (numbers as DOUBLE, text as VARCHAR; one thread, so the same
   * rows give the same bytes and the same cache key downstream).
   */
  static StepOutput writeParquet(DataEngine engine, Table table, Path file, Map<String, String> properties) {
    engine.writeParquet(table, file);
    return parquetOutput(engine, file, table.rowCount(), properties);
  }

  /** The output for a Parquet file already written: properties plus format, rows, column types. */
  static StepOutput parquetOutput(DataEngine engine, Path file, long rows, Map<String, String> properties) {
    Map<String, FeatureType> columns = engine.columns(new DataSource.Parquet(file));
    Map<String, String> props = new LinkedHashMap<>(properties);
    props.put("format", "parquet");
    props.put(COLUMN_TYPES, new String(Json.bytes(columns), java.nio.charset.StandardCharsets.UTF_8));
    props.put("rows", Long.toString(rows));
    return new StepOutput(file, props);
  }

  /** The input as an engine source: Parquet as is, CSV with its recorded column types. */
  static DataSource source(InputArtifact input) {
    if (isParquet(input)) {
      return new DataSource.Parquet(input.file());
    }
    String types = input.artifact().properties().get(COLUMN_TYPES);
    CsvOptions options = CsvOptions.defaults();
    if (types != null) {
      try {
        options = options.withTypes(Json.MAPPER.readValue(types, new TypeReference<Map<String, FeatureType>>() {}));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return DataSource.of(input.file(), options);
  }

  /**
   * Reads the step's input {@code port} into memory; a Parquet one through the run's shared engine
   * ({@link StepContext#engine}), which saves starting a DuckDB database per read.
   */
  static Table read(StepContext context, String port) {
    InputArtifact input = context.input(port);
    if (isParquet(input)) {
      return context.engine().get().table(new DataSource.Parquet(input.file()));
    }
    return readCsv(input);
  }

  /** A CSV split of an older run (before splits were Parquet), typed by its recorded columns. */
  private static Table readCsv(InputArtifact input) {
    String types = input.artifact().properties().get(COLUMN_TYPES);
    if (types == null) {
      return CsvReader.read(input.file());
    }
    try {
      Map<String, FeatureType> parsed =
          Json.MAPPER.readValue(types, new TypeReference<Map<String, FeatureType>>() {});
      return CsvReader.read(input.file(), parsed);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the artifact is a Parquet snapshot (ingest records {@code format=parquet}). */
  static boolean isParquet(InputArtifact input) {
    return "parquet".equals(input.artifact().properties().get("format"));
  }

  /** The column types as the JSON recorded in the {@value #COLUMN_TYPES} property. */
  static String typesJson(Table table) {
    return new String(Json.bytes(CsvReader.typesOf(table)), java.nio.charset.StandardCharsets.UTF_8);
  }
}
