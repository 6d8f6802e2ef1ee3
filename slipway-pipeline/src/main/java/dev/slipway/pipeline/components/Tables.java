package dev.slipway.pipeline.components;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.slipway.core.FeatureType;
import dev.slipway.core.Json;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import dev.slipway.data.CsvWriter;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import dev.slipway.pipeline.InputArtifact;
import dev.slipway.pipeline.StepOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How dataset splits travel between steps: canonical CSV plus a {@code column_types} property, so
 * that a split whose string column happens to hold only digits is still read back as strings.
 * Ingested snapshots are Parquet (typed), read through the data engine.
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

  static Table read(InputArtifact input) {
    if (isParquet(input)) {
      try (DataEngine engine = DataEngine.open(1)) {
        return engine.table(new DataSource.Parquet(input.file()));
      }
    }
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
