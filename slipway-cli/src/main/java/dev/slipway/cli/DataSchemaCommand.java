package dev.slipway.cli;

import dev.slipway.core.Schema;
import dev.slipway.data.SchemaFiles;
import dev.slipway.data.SchemaInference;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slipway data schema FILE|NAME --out SCHEMA.yaml}: infer a schema file to curate. */
@Command(name = "schema", description = "Infer a schema (YAML, version 1) from a dataset, for people to curate.")
final class DataSchemaCommand implements Callable<Integer> {
  @ParentCommand DataCommand data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE|NAME", description = "CSV file (or registered dataset name).")
  String input;

  @Option(names = "--out", required = true, paramLabel = "SCHEMA.yaml", description = "Where to write the schema.")
  Path out;

  @Option(names = "--label", paramLabel = "COLUMN", description = "The label: marked not_in_environment SERVING.")
  String label;

  @Option(names = "--ranges", description = "Record each numeric column's observed min and max as its allowed range.")
  boolean ranges;

  @Option(names = "--max-domain-size", defaultValue = "100", description = "Largest inferred string domain (default ${DEFAULT-VALUE}, TFDV's).")
  int maxDomainSize;

  @Override
  public Integer call() {
    Schema schema = SchemaInference.infer(
        DataCommand.read(input, data.parent.home()), new SchemaInference.Options(maxDomainSize, label, ranges));
    SchemaFiles.write(schema, out);
    long categorical = schema.features().stream().filter(f -> f.domain() != null).count();
    spec.commandLine().getOut().printf("wrote %s: %d features, %d with a domain%s%n",
        out, schema.features().size(), categorical, label == null ? "" : ", label '" + label + "' not in SERVING");
    return 0;
  }
}
