package dev.slipway.cli;

import dev.slipway.core.NotFoundException;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code slipway data ...}: schema, validate, sample. (The ingest/list/show/stats subcommands are
 * registered here by the data-engine work when the branches meet.)
 */
@Command(
    name = "data",
    description = "Infer schemas, validate datasets against a schema and a baseline, draw samples.",
    subcommands = {DataSchemaCommand.class, DataValidateCommand.class, DataSampleCommand.class})
final class DataCommand {
  @ParentCommand SlipwayCommand parent;

  /**
   * Reads FILE (a CSV). Registered dataset NAMEs are not resolvable in this build.
   *
   * @throws NotFoundException naming the argument when it is neither a file nor a known name
   */
  static Table read(String fileOrName) {
    Path file = Path.of(fileOrName);
    if (!Files.exists(file)) {
      throw new NotFoundException(
          "'" + fileOrName + "' is not a file, and dataset names are not available in this build"
              + " (slipway data ingest registers them); pass a CSV file");
    }
    return CsvReader.read(file);
  }
}
