package dev.slipway.pipeline.components;

import dev.slipway.core.Schema;
import dev.slipway.data.SchemaInference;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.util.Map;
import java.util.Set;

/**
 * Infers a schema from a dataset split with TFDV's rules (types, required columns, domains of
 * strings with at most {@code max_domain_size} values, default 100).
 */
public final class SchemaComponent implements Component {

  @Override
  public String name() {
    return "schema";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<String> inputs() {
    return Set.of("dataset");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("schema", ArtifactTypes.SCHEMA);
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    Schema schema = SchemaInference.infer(Tables.read(context.input("dataset")));
    long categorical = schema.features().stream().filter(f -> f.domain() != null).count();
    context.progress().accept(schema.features().size() + " features, " + categorical + " with a domain");
    return Map.of("schema", StepOutput.of(StatisticsComponent.writeJson(context, schema)));
  }
}
