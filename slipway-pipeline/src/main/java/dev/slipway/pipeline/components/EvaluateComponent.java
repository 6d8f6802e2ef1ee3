package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.FingerprintContext;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import dev.slipway.train.ModelBundle;
import dev.slipway.train.evaluation.Blessing;
import dev.slipway.train.evaluation.EvaluationConfig;
import dev.slipway.train.evaluation.EvaluationResult;
import dev.slipway.train.evaluation.ModelEvaluator;
import dev.slipway.train.evaluation.ModelValidator;
import dev.slipway.train.evaluation.SliceSpec;
import dev.slipway.train.evaluation.Threshold;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates a model bundle on a held-out split (TFX Evaluator): overall and sliced metrics, then
 * validation gates, giving an {@code evaluation} report (EvaluationResult JSON, blessing included)
 * and a {@code model_blessing}. Overall metrics are also logged as experiment-run metrics.
 *
 * <p>Parameters: {@code slices} (list; an entry is a column, a list of columns for a cross, or
 * {@code "a,b"}), {@code thresholds} (list of {@code {metric, slice?, lower_bound?, upper_bound?,
 * direction?, absolute?, relative?}}, see {@link Threshold#fromMap}), {@code baseline} ({@code
 * NAME}, {@code NAME:VERSION} or {@code NAME@ALIAS}: the model change thresholds compare against,
 * resolved in the registry when the step runs; none yet means change thresholds are ignored).
 *
 * <p>The resolved baseline's bundle digest is part of the step's fingerprint, so moving the alias
 * re-runs the step instead of reusing a blessing made against another baseline.
 */
public final class EvaluateComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec(
          "evaluate", "2", Set.of("model", "dataset"),
          Map.of("evaluation", ArtifactTypes.EVALUATION, "model_blessing", ArtifactTypes.MODEL_BLESSING));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, String> fingerprint(FingerprintContext context) {
    Object baseline = context.params().get("baseline");
    if (baseline == null) {
      return Map.of();
    }
    // "No baseline" fingerprints like an absent parameter, so that promoting this very model and
    // re-running the pipeline reuses the evaluation instead of re-blessing against itself.
    return Baseline.resolve(
            context.stores().metadata(), "evaluate", baseline.toString(), context.inputDigests().get("model"))
        .map(b -> Map.of("baseline", b.label() + " sha256:" + b.artifact().digest()))
        .orElse(Map.of());
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    ModelBundle bundle = ModelBundle.read(context.input("model").file());
    Table data = Tables.read(context, "dataset");
    EvaluationConfig config = EvaluationConfig.defaults().withSlices(slices(context));
    List<Threshold> thresholds = thresholds(context);
    EvaluationResult candidate = ModelEvaluator.evaluate(bundle, data, config);

    Optional<Baseline> baseline =
        context.params().get("baseline") == null
            ? Optional.empty()
            : Baseline.resolve(
                context.stores().metadata(), context.step(), context.string("baseline", ""),
                context.input("model").artifact().digest());
    EvaluationResult baselineResult =
        baseline.map(b -> ModelEvaluator.evaluate(
                ModelBundle.read(context.stores().artifacts().path(b.artifact().digest())), data, config))
            .orElse(null);
    Blessing blessing =
        ModelValidator.validate(candidate, baselineResult, baseline.map(Baseline::label).orElse(null), thresholds);
    EvaluationResult result = candidate.withBlessing(blessing);

    Map<String, String> props = new LinkedHashMap<>();
    result.metrics().forEach((k, v) -> props.put("metric." + k, Double.toString(v)));
    props.put("blessed", Boolean.toString(blessing.blessed()));
    baseline.ifPresent(b -> props.put("baseline", b.label()));
    Double auc = result.metrics().get("roc_auc");
    context.progress().accept(
        (auc != null ? String.format(Locale.ROOT, "ROC AUC %.3f on %d rows", auc, data.rowCount()) : data.rowCount() + " rows")
            + (result.slices().isEmpty() ? "" : ", " + result.slices().size() + " slices")
            + (thresholds.isEmpty() ? "" : blessing.blessed() ? ", blessed" : ", NOT blessed"));
    return Map.of(
        "evaluation", new StepOutput(context.writeJson(result), props),
        "model_blessing", new StepOutput(context.writeJson(blessing), Map.of("blessed", Boolean.toString(blessing.blessed()))));
  }

  private static List<SliceSpec> slices(StepContext context) {
    Object raw = context.params().get("slices");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'slices' must be a list, e.g. [personal_status, [personal_status, foreign_worker]]");
    }
    List<SliceSpec> out = new ArrayList<>();
    for (Object entry : list) {
      out.add(entry instanceof List<?> cross
          ? new SliceSpec(cross.stream().map(String::valueOf).toList())
          : SliceSpec.parse(String.valueOf(entry)));
    }
    return out;
  }

  private static List<Threshold> thresholds(StepContext context) {
    Object raw = context.params().get("thresholds");
    if (raw == null) {
      return List.of();
    }
    if (!(raw instanceof List<?> list)) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'thresholds' must be a list, e.g. [{metric: roc_auc, lower_bound: 0.7}]");
    }
    List<Threshold> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String where = "step '" + context.step() + "' thresholds[" + i + "]";
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new InvalidInputException(where + " must be a map, e.g. {metric: roc_auc, lower_bound: 0.7}");
      }
      out.add(Threshold.fromMap(map, where));
    }
    return out;
  }
}
