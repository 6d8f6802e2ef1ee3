package dev.slipway.pipeline.components;

import dev.slipway.core.NotFoundException;
import dev.slipway.core.Sha256;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;

/**
 * Snapshots a CSV file: the exact bytes become a {@code Dataset} artifact whose sha256 is the
 * dataset version. The file is parsed once to reject malformed data before anything downstream
 * sees it. Parameters: {@code path} (relative to the pipeline file), {@code label} (optional,
 * checked to exist).
 */
public final class IngestComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("ingest", "1", Set.of(), Map.of("snapshot", ArtifactTypes.DATASET));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  /** The file's digest: a changed file is a new dataset version even under the same path. */
  @Override
  public Map<String, String> fingerprint(Map<String, Object> params, Path baseDir) {
    Object path = params.get("path");
    if (path == null) {
      throw new dev.slipway.core.InvalidInputException("step 'ingest' needs parameter 'path'");
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
    Table table = CsvReader.read(source);
    String label = context.string("label", null);
    if (label != null) {
      table.column(label);
    }
    Path snapshot = context.newOutputFile(".csv");
    try {
      Files.copy(source, snapshot, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + source, e);
    }
    context.progress().accept(table.rowCount() + " rows × " + table.columns().size() + " columns");
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("source", source.getFileName().toString());
    props.put("rows", Integer.toString(table.rowCount()));
    props.put("columns", Integer.toString(table.columns().size()));
    props.put(Tables.COLUMN_TYPES, Tables.typesJson(table));
    return Map.of("snapshot", new StepOutput(snapshot, props));
  }
}
