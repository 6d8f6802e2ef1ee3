package dev.slipway.train;

import dev.slipway.train.evaluation.ClassificationMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.train.evaluation.Blessing;
import dev.slipway.train.evaluation.EvaluationConfig;
import dev.slipway.train.evaluation.Importance;
import dev.slipway.train.evaluation.EvaluationResult;
import dev.slipway.train.evaluation.HtmlReport;
import dev.slipway.train.evaluation.ModelEvaluator;
import dev.slipway.train.evaluation.ModelValidator;
import dev.slipway.train.evaluation.SliceSpec;
import dev.slipway.train.evaluation.Threshold;
import dev.slipway.train.evaluation.WhatIf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The evaluation package on real data: credit_g, XGBoost candidates, slices, gates, report. */
class EvaluationCreditTest {
  static CreditGFixture data;
  static ModelBundle good;
  static ModelBundle weak;

  @BeforeAll
  static void train() {
    data = CreditGFixture.load();
    good = bundle(Map.of());
    weak = bundle(Map.of("num_round", 1, "max_depth", 1));
  }

  static ModelBundle bundle(Map<String, Object> params) {
    Trainer xgb = Trainers.find("xgboost");
    TrainedModel model = xgb.train(data.xTrain(), data.yTrain(), params, 42);
    return ModelBundle.create(Task.CLASSIFICATION, CreditG.LABEL, data.yTrain().classes(), data.inputSchema(),
        data.transform(), model, Provenance.of(xgb, params, 42, Map.of()));
  }

  static EvaluationConfig sliced() {
    return EvaluationConfig.defaults()
        .withSlices(List.of(SliceSpec.parse("personal_status"), SliceSpec.parse("foreign_worker")));
  }

  @Test
  void slicesHaveTheEvalRowCountsAndOverallMetricsMatchTheLegacyEvaluator() {
    EvaluationResult r = ModelEvaluator.evaluate(good, data.eval(), sliced());
    assertThat(r.count()).isEqualTo(200);
    // counts printed by reference/evaluation_reference.py (Counter over the eval rows)
    assertThat(r.slices().get("personal_status=male single").count()).isEqualTo(111);
    assertThat(r.slices().get("foreign_worker=no").count()).isEqualTo(8);
    assertThat(r.slices().get("foreign_worker=yes").count()).isEqualTo(192);
    // The same metrics from the bundle's raw predictions, without the evaluator's slicing.
    Table eval = data.eval();
    Labels truth = Labels.classification(eval.column("class"), good.classes());
    Map<String, Double> legacy = ClassificationMetrics.binary(
        truth.classIndex(), good.predict(eval.without("class")).probabilities(),
        good.classes().indexOf(good.positiveClass()));
    assertThat(r.metrics().get("roc_auc")).isCloseTo(legacy.get("roc_auc"), within(1e-12));
    assertThat(r.metrics().get("log_loss")).isCloseTo(legacy.get("log_loss"), within(1e-12));
    var gap = r.fairnessGaps().get("personal_status").get("tpr");
    assertThat(gap.gap()).isCloseTo(gap.max() - gap.min(), within(1e-12)).isPositive();
    assertThat(r.plots().confusionMatrix()[0][0] + r.plots().confusionMatrix()[0][1]
        + r.plots().confusionMatrix()[1][0] + r.plots().confusionMatrix()[1][1]).isEqualTo(200);
  }

  @Test
  void changeThresholdRefusesAMuchWeakerCandidateWithAReadableReason() {
    List<Threshold> gates = List.of(
        Threshold.value("roc_auc", 0.5, null),
        Threshold.change("roc_auc", Threshold.Direction.HIGHER_IS_BETTER, -0.02, null));
    EvaluationResult baseline = ModelEvaluator.evaluate(good, data.eval(), sliced());
    EvaluationResult candidate = ModelEvaluator.evaluate(weak, data.eval(), sliced());
    Blessing refused = ModelValidator.validate(candidate, baseline, "credit:1", gates);
    assertThat(refused.blessed()).isFalse();
    assertThat(refused.reasons()).singleElement().asString()
        .startsWith("roc_auc (overall) is ")
        .contains("for the baseline credit:1: a change of -")
        .contains("below the allowed absolute change -0.0200 (higher is better)");
    Blessing firstRun = ModelValidator.validate(candidate, null, null, gates);
    assertThat(firstRun.blessed()).isTrue();
    assertThat(firstRun.notes()).singleElement().asString().contains("change threshold on roc_auc (overall) was ignored");
  }

  @Test
  void perSliceValueThresholdNamesTheSlice() {
    EvaluationResult r = ModelEvaluator.evaluate(good, data.eval(), sliced());
    Blessing b = ModelValidator.validate(r, null, null,
        List.of(Threshold.value("accuracy", 0.99, null).onSlice("foreign_worker=yes")));
    assertThat(b.reasons()).singleElement().asString()
        .startsWith("accuracy on slice 'foreign_worker=yes' is 0.")
        .endsWith("below the lower bound 0.9900");
  }

  @Test
  void importanceIsSeededAndGainNamesTransformedFeatures() {
    EvaluationConfig config = EvaluationConfig.defaults().withImportance(2);
    EvaluationResult a = ModelEvaluator.evaluate(good, data.eval(), config);
    EvaluationResult b = ModelEvaluator.evaluate(good, data.eval(), config);
    assertThat(a.permutationImportance()).isEqualTo(b.permutationImportance()).containsKey("checking_status");
    assertThat(a.gainImportance()).isNotEmpty();
    assertThat(data.transform().outputNames()).containsAll(a.gainImportance().keySet());
  }

  @Test
  void importanceOnASampleIsSeededAndDiffersFromAllRows() {
    int rows = data.eval().rowCount();
    EvaluationConfig all = EvaluationConfig.defaults().withImportance(2).withImportanceRows(rows);
    EvaluationConfig half = all.withImportanceRows(rows / 2);
    Map<String, Importance> sampled = ModelEvaluator.evaluate(good, data.eval(), half).permutationImportance();
    assertThat(ModelEvaluator.evaluate(good, data.eval(), half).permutationImportance()).isEqualTo(sampled);
    assertThat(sampled).isNotEqualTo(ModelEvaluator.evaluate(good, data.eval(), all).permutationImportance());
    // the strongest column stays on top of the ranking either way: checking_status
    assertThat(sampled.entrySet().stream().max(Map.Entry.comparingByValue(
        java.util.Comparator.comparingDouble(Importance::mean))).orElseThrow().getKey())
        .isEqualTo("checking_status");
  }

  @Test
  void whatIfChangesOneFeatureOfOneRow() {
    WhatIf w = WhatIf.of(good, data.eval(), 0, "checking_status", "no checking");
    assertThat(w.original().probabilities()[0]).isNotEqualTo(w.changed().probabilities()[0]);
    assertThatThrownBy(() -> WhatIf.of(good, data.eval(), 0, "age", "old"))
        .hasMessage("column 'age' is numeric; 'old' is not a number");
  }

  @Test
  void reportIsSelfContainedHtml() {
    EvaluationResult r = ModelEvaluator.evaluate(good, data.eval(), sliced());
    String html = HtmlReport.render(r, "credit:1");
    assertThat(html).contains("<svg").contains("Confusion matrix").contains("personal_status=male single")
        .doesNotContain("http://", "https://", "<script");
  }

  @Test
  void badInputsGiveClearMessages() {
    assertThatThrownBy(() -> ModelEvaluator.evaluate(good, data.eval(), EvaluationConfig.defaults()
            .withSlices(List.of(SliceSpec.parse("nationality")))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("slice column 'nationality' is not in the evaluation data; the columns are checking_status,");
    Table goodOnly = data.eval().take(rowsWith(data.eval(), "good"));
    assertThatThrownBy(() -> ModelEvaluator.evaluate(good, goodOnly, EvaluationConfig.defaults()))
        .hasMessageStartingWith("label column 'class' holds a single class ('good') in the ");
    String[] labels = new String[data.eval().rowCount()];
    for (int r = 0; r < labels.length; r++) {
      labels[r] = r == 3 ? null : data.eval().column("class").text(r);
    }
    Table missing = new Table(new ArrayList<>(data.eval().without("class").columns()) {{
        add(new StringColumn("class", labels));
      }});
    assertThatThrownBy(() -> ModelEvaluator.evaluate(good, missing, EvaluationConfig.defaults()))
        .hasMessage("label column 'class' is missing at row 3; every row needs a label");
  }

  private static int[] rowsWith(Table t, String label) {
    return java.util.stream.IntStream.range(0, t.rowCount())
        .filter(r -> label.equals(t.column("class").text(r))).toArray();
  }
}
