package dev.slipway.pipeline.components;

import dev.slipway.core.Anomalies;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.Schema;
import dev.slipway.core.Statistics;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaValidator;
import dev.slipway.data.StatisticsCalculator;
import dev.slipway.data.drift.Comparison;
import dev.slipway.data.drift.DriftDetector;
import dev.slipway.data.drift.DriftReport;
import dev.slipway.data.report.ValidationReport;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.InputArtifact;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a dataset split against a schema and, when the optional {@code baseline} input is
 * connected, against a baseline: drift (parameter {@code comparison: drift}, the default — the
 * previous span against this one) or skew ({@code comparison: skew} — the dataset is serving data,
 * the baseline training data; SERVING environment, skew thresholds). The baseline is either a
 * dataset or split (every measure, KS included) or a Statistics artifact (distances and
 * chi-squared only: KS needs the raw values). With {@code on_anomalies: fail} (the default) any
 * anomaly — schema, drift or skew — stops the pipeline with a report; with {@code warn} they are
 * recorded and the pipeline goes on.
 *
 * <p>Output {@code anomalies}: the JSON of every anomaly ({@link Anomalies}), with properties
 * {@code count} and, with a baseline, {@code drift_features} (how many features were flagged).
 * Version 2 adds the baseline.
 */
public final class ValidateComponent implements Component {
  private static final ComponentSpec SPEC = new ComponentSpec("validate", "2", Set.of("dataset", "schema"),
      Map.of("anomalies", ArtifactTypes.ANOMALIES), Set.of("baseline"));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String mode = context.string("on_anomalies", "fail");
    if (!mode.equals("fail") && !mode.equals("warn")) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'on_anomalies' is '" + mode + "'; expected fail or warn");
    }
    Comparison comparison = comparison(context);
    Schema schema = Json.read(context.bytes("schema"), Schema.class);
    Table current = Tables.read(context, "dataset");
    Anomalies schemaAnomalies = comparison == Comparison.SKEW
        ? SchemaValidator.validate(current, schema, Schema.SERVING)
        : SchemaValidator.validate(current, schema);
    InputArtifact baseline = context.inputs().get("baseline");
    DriftReport drift = baseline == null ? null : compare(context, baseline, current, schema, comparison);
    ValidationReport report = ValidationReport.of("dataset", schemaAnomalies, baseline == null ? null : "baseline", drift);
    Anomalies anomalies = report.anomalies();
    if (!anomalies.isEmpty() && mode.equals("fail")) {
      throw new InvalidInputException(
          anomalies.items().size() + " anomalies (set on_anomalies: warn to continue):\n"
              + anomalies.items().stream()
                  .map(a -> "  " + a.code() + ": " + a.message())
                  .collect(Collectors.joining("\n")));
    }
    context.progress().accept(anomalies.isEmpty() ? "no anomalies" : anomalies.items().size() + " anomalies (warn)");
    Map<String, String> props = new java.util.LinkedHashMap<>();
    props.put("count", Integer.toString(anomalies.items().size()));
    if (drift != null) {
      props.put("drift_features", Long.toString(drift.features().stream().filter(f -> !f.flagged().isEmpty()).count()));
    }
    return Map.of("anomalies", new StepOutput(context.writeJson(anomalies), props));
  }

  private static Comparison comparison(StepContext context) {
    String value = context.string("comparison", "drift");
    return switch (value) {
      case "drift" -> Comparison.DRIFT;
      case "skew" -> Comparison.SKEW;
      default -> throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'comparison' is '" + value + "'; expected drift or skew");
    };
  }

  private static DriftReport compare(
      StepContext context, InputArtifact baseline, Table current, Schema schema, Comparison comparison) {
    if (ArtifactTypes.STATISTICS.equals(baseline.artifact().type())) {
      Statistics base = Json.read(readAll(baseline), Statistics.class);
      return DriftDetector.compare(base, StatisticsCalculator.compute(current), schema, comparison);
    }
    return DriftDetector.compare(Tables.read(context, "baseline"), current, schema, comparison);
  }

  private static byte[] readAll(InputArtifact input) {
    try {
      return java.nio.file.Files.readAllBytes(input.file());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read " + input.file(), e);
    }
  }
}
