package dev.slipway.pipeline.components;

import dev.slipway.core.Schema;
import dev.slipway.data.SchemaInference;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.util.Map;
import java.util.Set;

/**
 * Infers a schema from a dataset split with TFDV's rules (types, required columns, domains of
 * strings with at most {@code max_domain_size} values, default 100). With {@code label}, the label
 * is marked absent at serving (TFDV's {@code not_in_environment: SERVING}) and validation against
 * a baseline reports its distribution change as CLASS_BALANCE_SHIFT.
 */
public final class SchemaComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("schema", "2", Set.of("dataset"), Map.of("schema", ArtifactTypes.SCHEMA));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    Schema schema = SchemaInference.infer(
        Tables.read(context, "dataset"),
        new SchemaInference.Options(
            (int) context.integer("max_domain_size", SchemaInference.DEFAULT_MAX_DOMAIN_SIZE),
            context.string("label", null),
            false));
    long categorical = schema.features().stream().filter(f -> f.domain() != null).count();
    context.progress().accept(schema.features().size() + " features, " + categorical + " with a domain");
    return Map.of("schema", StepOutput.of(context.writeJson(schema)));
  }
}
