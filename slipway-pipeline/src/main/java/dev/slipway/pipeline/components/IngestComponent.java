package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Sha256;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import dev.slipway.data.engine.Snapshot;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.FingerprintContext;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots a data file (CSV, Parquet or JSON lines) through the data engine: the rows become an
 * immutable Parquet {@code Dataset} artifact whose sha256 is the dataset version; the source
 * file's own sha256 is kept in the {@code source_sha256} property. Malformed data is rejected
 * before anything downstream sees it. Parameters: {@code path} (relative to the pipeline file), {@code label} (optional,
 * checked to exist).
 */
public final class IngestComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("ingest", "2", Set.of(), Map.of("snapshot", ArtifactTypes.DATASET));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  /** The file's digest: a changed file is a new dataset version even under the same path. */
  @Override
  public Map<String, String> fingerprint(FingerprintContext context) {
    Map<String, Object> params = context.params();
    Path baseDir = context.baseDir();
    Object path = params.get("path");
    if (path == null) {
      throw new InvalidInputException("step 'ingest' needs parameter 'path'");
    }
    Path file = baseDir.resolve(path.toString()).normalize();
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException("file not found: " + file);
    }
    return Map.of("file_sha256", Sha256.hex(file));
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    Path source = context.path("path");
    Path snapshot = context.newOutputFile(".parquet");
    Snapshot snap;
    try (DataEngine engine = DataEngine.open()) {
      snap = engine.snapshot(DataSource.of(source), snapshot);
    }
    String label = context.string("label", null);
    if (label != null && !snap.columns().containsKey(label)) {
      throw new InvalidInputException("no column '" + label + "' in " + source + "; the columns are "
          + String.join(", ", snap.columns().keySet()));
    }
    context.progress().accept(snap.rows() + " rows × " + snap.columns().size() + " columns");
    Map<String, String> props = new LinkedHashMap<>();
    props.put("source", source.getFileName().toString());
    props.put("source_sha256", snap.sourceSha256());
    props.put("format", "parquet");
    props.put("rows", Long.toString(snap.rows()));
    if (snap.invalidUtf8Values() > 0) {
      props.put("invalid_utf8_values", Long.toString(snap.invalidUtf8Values()));
    }
    props.put("columns", Integer.toString(snap.columns().size()));
    props.put(Tables.COLUMN_TYPES, new String(Json.bytes(snap.columns()), StandardCharsets.UTF_8));
    return Map.of("snapshot", new StepOutput(snapshot, props));
  }
}
