package dev.slipway.cli;

import dev.slipway.core.Anomalies;
import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Schema;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaFiles;
import dev.slipway.data.SchemaValidator;
import dev.slipway.data.drift.Comparison;
import dev.slipway.data.drift.DriftDetector;
import dev.slipway.data.drift.DriftReport;
import dev.slipway.data.drift.FeatureDrift;
import dev.slipway.data.report.HtmlReport;
import dev.slipway.data.report.ValidationReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway data validate FILE --schema SCHEMA.yaml [--baseline FILE|NAME] [--json OUT]}.
 * Exit codes (contract): 0 no anomalies, 1 anomalies found, 2 usage or read error.
 */
@Command(name = "validate", description = "Validate a dataset against a schema and, optionally, a baseline (drift or skew).")
final class DataValidateCommand implements Callable<Integer> {
  static final int ANOMALIES = 1;
  static final int READ_ERROR = 2;

  @ParentCommand DataCommand data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The CSV file to validate.")
  String input;

  @Option(names = "--schema", required = true, paramLabel = "SCHEMA.yaml")
  Path schemaFile;

  @Option(names = "--baseline", paramLabel = "FILE|NAME", description = "Compare distributions with this dataset.")
  String baseline;

  @Option(names = "--json", paramLabel = "OUT", description = "Write the report as JSON.")
  Path json;

  @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report.")
  Path html;

  @Option(names = "--environment", paramLabel = "ENV", description = "TRAINING or SERVING: skip features not in it.")
  String environment;

  @Option(names = "--skew", description = "FILE is serving data and the baseline training data: use skew thresholds, SERVING environment.")
  boolean skew;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Schema schema;
    Table current;
    Table base = null;
    try {
      schema = SchemaFiles.read(schemaFile);
      current = DataCommand.read(input, data.parent.home());
      if (baseline != null) {
        base = DataCommand.read(baseline, data.parent.home());
      }
    } catch (SlipwayException | UncheckedIOException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return READ_ERROR;
    }
    String env = skew ? Schema.SERVING : environment;
    Anomalies schemaAnomalies = SchemaValidator.validate(current, schema, env);
    DriftReport drift = base == null ? null
        : DriftDetector.compare(base, current, schema, skew ? Comparison.SKEW : Comparison.DRIFT);
    ValidationReport report = ValidationReport.of(input, schemaAnomalies, baseline, drift);
    print(report, out);
    if (json != null) {
      report.writeJson(json);
      out.println("JSON report: " + json);
    }
    if (html != null) {
      HtmlReport.write(report, html);
      out.println("HTML report: " + html);
    }
    return report.anomalies().isEmpty() ? 0 : ANOMALIES;
  }

  private static void print(ValidationReport report, PrintWriter out) {
    out.printf("validated %s%s%n", report.dataset(),
        report.baseline() == null ? "" : " against baseline " + report.baseline());
    if (report.drift() != null) {
      out.printf(Locale.ROOT, "%-16s %-12s %8s %8s %8s %10s %10s  %s%n",
          "FEATURE", "KIND", "L-INF", "JS", "PSI", "KS/CHI2", "P-VALUE", "FLAGGED");
      for (FeatureDrift f : report.drift().features()) {
        var test = f.ks() != null ? f.ks() : f.chiSquared();
        out.printf(Locale.ROOT, "%-16s %-12s %8s %8s %8s %10s %10s  %s%n",
            f.name(), f.kind(), num(f.infinityNorm()), num(f.jensenShannonDivergence()), num(f.psi()),
            test == null ? "-" : num(test.statistic()), test == null ? "-" : String.format(Locale.ROOT, "%.3g", test.pValue()),
            f.flagged().isEmpty() ? "-" : String.join(",", f.flagged()));
      }
    }
    if (report.anomalies().isEmpty()) {
      out.println("no anomalies");
      return;
    }
    out.println(report.anomalies().items().size() + " anomalies:");
    for (Anomaly a : report.anomalies().items()) {
      out.println("  " + a.code() + ": " + a.message());
    }
  }

  private static String num(Double v) {
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", v);
  }
}
