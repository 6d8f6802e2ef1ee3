package dev.slipway.pipeline.components;

import dev.slipway.core.Table;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import dev.slipway.train.Evaluator;
import dev.slipway.train.ModelBundle;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores a model bundle on a held-out split and records the metrics (also as experiment-run
 * metrics): accuracy, precision, recall, F1, ROC AUC and log loss for classification; RMSE, MAE
 * and R² for regression.
 */
public final class EvaluateComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("evaluate", "1", Set.of("model", "dataset"), Map.of("evaluation", ArtifactTypes.EVALUATION));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  /** The persisted form of an evaluation. */
  public record Evaluation(long rows, Map<String, Double> metrics) {}

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    ModelBundle bundle = ModelBundle.read(context.input("model").file());
    Table data = Tables.read(context.input("dataset"));
    Map<String, Double> metrics = new TreeMap<>(Evaluator.evaluate(bundle, data));
    Map<String, String> props = new LinkedHashMap<>();
    metrics.forEach((k, v) -> props.put("metric." + k, Double.toString(v)));
    context.progress().accept(
        metrics.containsKey("roc_auc")
            ? String.format(java.util.Locale.ROOT, "ROC AUC %.3f on %d rows", metrics.get("roc_auc"), data.rowCount())
            : data.rowCount() + " rows");
    return Map.of(
        "evaluation",
        new StepOutput(
            context.writeJson(new Evaluation(data.rowCount(), metrics)), props));
  }
}
