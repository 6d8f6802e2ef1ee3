package dev.slipway.pipeline.components;

import dev.slipway.core.Anomalies;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.Schema;
import dev.slipway.data.SchemaValidator;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates a dataset split against a schema. With {@code on_anomalies: fail} (the default) any
 * anomaly stops the pipeline with a report; with {@code warn} they are recorded and the pipeline
 * goes on.
 */
public final class ValidateComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("validate", "1", Set.of("dataset", "schema"), Map.of("anomalies", ArtifactTypes.ANOMALIES));

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
    Schema schema = Json.read(context.bytes("schema"), Schema.class);
    Anomalies anomalies = SchemaValidator.validate(Tables.read(context.input("dataset")), schema);
    if (!anomalies.isEmpty() && mode.equals("fail")) {
      throw new InvalidInputException(
          anomalies.items().size() + " anomalies (set on_anomalies: warn to continue):\n"
              + anomalies.items().stream()
                  .map(a -> "  " + a.code() + ": " + a.message())
                  .collect(Collectors.joining("\n")));
    }
    context.progress().accept(anomalies.isEmpty() ? "no anomalies" : anomalies.items().size() + " anomalies (warn)");
    return Map.of(
        "anomalies",
        new StepOutput(
            context.writeJson(anomalies),
            Map.of("count", Integer.toString(anomalies.items().size()))));
  }
}
