package dev.slipway.pipeline.components;

import dev.slipway.core.Json;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.features.TransformGraph;
import dev.slipway.features.TransformOptions;
import dev.slipway.features.TransformSpec;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits the feature transform on the training split only. Parameters: {@code label} (excluded from
 * the features), and either {@code spec} (a declarative list of transform steps, see {@code
 * docs/transforms.md}; fitted to a format-version-2 graph, the label is not visible to it) or the
 * defaults — impute and standardise numerics, one-hot encode strings with an unseen bucket —
 * tuned by {@code numeric_impute} (mean | median), {@code standardize} (true), {@code
 * max_categories} (50).
 */
public final class TransformComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("transform", "1", Set.of("dataset", "schema"), Map.of("transform", ArtifactTypes.TRANSFORM_GRAPH));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String label = context.requiredString("label");
    Schema schema = Json.read(context.bytes("schema"), Schema.class);
    Table train = Tables.read(context, "dataset");
    List<String> features =
        schema.features().stream().map(Schema.Feature::name).filter(n -> !n.equals(label)).toList();
    Object spec = context.params().get("spec");
    TransformGraph graph;
    if (spec != null) {
      graph = TransformGraph.fit(train.without(label), TransformSpec.parse(spec));
    } else {
      TransformOptions defaults = TransformOptions.defaults();
      TransformOptions options =
          new TransformOptions(
              context.string("numeric_impute", defaults.numericImpute()),
              context.bool("standardize", defaults.standardize()),
              (int) context.integer("max_categories", defaults.maxCategories()));
      graph = TransformGraph.fit(train, features, options);
    }
    context.progress().accept(graph.inputColumns().size() + " features → " + graph.outputNames().size() + " columns");
    Path file = context.newOutputFile(".json");
    try {
      Files.write(file, graph.toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return Map.of("transform", StepOutput.of(file));
  }
}
