package dev.slipway.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every expected figure was printed by scikit-learn 1.2.1 / numpy 1.24.2 (Debian python3) with
 * {@code /usr/bin/python3 src/test/resources/reference/evaluation_reference.py}.
 */
class ClassificationMetricsTest {
  private static final double TOLERANCE = 1e-9;

  static final int[] TRUTH = {0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1};
  static final double[] P1 = {0.1, 0.4, 0.35, 0.8, 0.7, 0.7, 0.2, 0.7, 0.9, 1.0, 0.0, 0.5};

  static double[][] binary() {
    double[][] out = new double[P1.length][];
    for (int i = 0; i < P1.length; i++) {
      out[i] = new double[] {1 - P1[i], P1[i]};
    }
    return out;
  }

  static boolean[] positives() {
    boolean[] out = new boolean[TRUTH.length];
    for (int i = 0; i < TRUTH.length; i++) {
      out[i] = TRUTH[i] == 1;
    }
    return out;
  }

  @Test
  void binaryMetricsMatchSklearn() {
    Map<String, Double> m = ClassificationMetrics.binary(TRUTH, binary(), 1);
    assertThat(m.keySet()).containsExactly(
        "accuracy", "balanced_accuracy", "precision", "recall", "f1", "roc_auc", "pr_auc", "log_loss", "brier");
    assertThat(m.get("accuracy")).isCloseTo(0.5833333333333334, within(TOLERANCE));
    assertThat(m.get("balanced_accuracy")).isCloseTo(0.5857142857142856, within(TOLERANCE));
    assertThat(m.get("precision")).isCloseTo(0.6666666666666666, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo(0.5714285714285714, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo(0.6153846153846153, within(TOLERANCE));
    assertThat(m.get("roc_auc")).isCloseTo(0.7428571428571429, within(TOLERANCE));
    // three rows tie at 0.7 across both classes: average precision steps once for the tie
    assertThat(m.get("pr_auc")).isCloseTo(0.7964852607709749, within(TOLERANCE));
    assertThat(m.get("log_loss")).isCloseTo(0.5516571020166786, within(TOLERANCE));
    assertThat(m.get("brier")).isCloseTo(0.20020833333333332, within(TOLERANCE));
  }

  @Test
  void confusionMatrixMatchesSklearn() {
    int[] predicted = ClassificationMetrics.predicted(TRUTH, binary(), 2);
    assertThat(ClassificationMetrics.confusionMatrix(TRUTH, predicted, 2))
        .isDeepEqualTo(new long[][] {{3, 2}, {3, 4}});
  }

  @Test
  void calibrationCurveMatchesSklearnUniformTenBins() {
    Curve c = ClassificationMetrics.calibration(positives(), P1);
    assertThat(c.x()).containsExactly(new double[] {0.05, 0.2, 0.375, 0.5, 0.6999999999999998, 0.8, 0.9, 1.0}, within(TOLERANCE));
    assertThat(c.y()).containsExactly(new double[] {0, 0, 1, 1, 0.6666666666666666, 0, 1, 1}, within(TOLERANCE));
  }

  @Test
  void rocCurveMatchesSklearnWithoutDroppingPoints() {
    Curve roc = ClassificationMetrics.roc(positives(), P1);
    assertThat(roc.x()).containsExactly(new double[] {0.0, 0.0, 0.0, 0.2, 0.4, 0.4, 0.4, 0.4, 0.6, 0.8, 1.0}, within(TOLERANCE));
    assertThat(roc.y()).containsExactly(new double[] {0.0, 0.14285714285714285, 0.2857142857142857, 0.2857142857142857,
        0.5714285714285714, 0.7142857142857143, 0.8571428571428571, 1.0, 1.0, 1.0, 1.0}, within(TOLERANCE));
  }

  @Test
  void precisionRecallCurveMatchesSklearn() {
    Curve pr = ClassificationMetrics.precisionRecall(positives(), P1);
    assertThat(pr.y()).containsExactly(new double[] {0.5833333333333334, 0.6363636363636364, 0.7, 0.7777777777777778,
        0.75, 0.7142857142857143, 0.6666666666666666, 0.6666666666666666, 1.0, 1.0, 1.0}, within(TOLERANCE));
    assertThat(pr.x()).containsExactly(new double[] {1.0, 1.0, 1.0, 1.0, 0.8571428571428571, 0.7142857142857143,
        0.5714285714285714, 0.2857142857142857, 0.2857142857142857, 0.14285714285714285, 0.0}, within(TOLERANCE));
  }

  @Test
  void metricsAtThresholdsMatchSklearnOnThresholdedScores() {
    ConfusionCounts at03 = ConfusionCounts.at(positives(), P1, 0.3);
    assertThat(new long[] {at03.truePositives(), at03.falsePositives(), at03.trueNegatives(), at03.falseNegatives()})
        .containsExactly(7, 2, 3, 0);
    assertThat(at03.precision()).isCloseTo(0.7777777777777778, within(TOLERANCE));
    assertThat(at03.f1()).isCloseTo(0.8750000000000001, within(TOLERANCE));
    assertThat(at03.falsePositiveRate()).isCloseTo(0.4, within(TOLERANCE));
    ConfusionCounts at075 = ConfusionCounts.at(positives(), P1, 0.75);
    assertThat(at075.truePositiveRate()).isCloseTo(0.2857142857142857, within(TOLERANCE));
    assertThat(at075.falsePositiveRate()).isCloseTo(0.2, within(TOLERANCE));
    assertThat(at075.falseNegativeRate()).isCloseTo(1 - 0.2857142857142857, within(TOLERANCE));
    assertThat(at075.f1()).isCloseTo(0.4, within(TOLERANCE));
  }

  @Test
  void multiclassMetricsMatchSklearn() {
    int[] truth = {0, 1, 2, 2, 1, 0, 2, 1, 0, 2};
    double[][] p = {
      {.7, .2, .1}, {.1, .8, .1}, {.2, .2, .6}, {.5, .1, .4}, {.3, .35, .35},
      {.25, .5, .25}, {0, 0, 1}, {.1, .6, .3}, {.2, .45, .35}, {.15, .05, .8}
    };
    Map<String, Double> m = ClassificationMetrics.multiclass(truth, p);
    assertThat(m.get("accuracy")).isCloseTo(0.7, within(TOLERANCE));
    assertThat(m.get("balanced_accuracy")).isCloseTo(0.6944444444444443, within(TOLERANCE));
    assertThat(m.get("f1_macro")).isCloseTo(0.669047619047619, within(TOLERANCE));
    assertThat(m.get("f1_micro")).isCloseTo(0.7, within(TOLERANCE));
    assertThat(m.get("f1_weighted")).isCloseTo(0.6878571428571428, within(TOLERANCE));
    assertThat(m.get("top_2_accuracy")).isCloseTo(0.8, within(TOLERANCE));
    assertThat(m.get("log_loss")).isCloseTo(0.6786458424025958, within(TOLERANCE));
    int[] predicted = ClassificationMetrics.predicted(truth, p, 3);
    assertThat(ClassificationMetrics.confusionMatrix(truth, predicted, 3))
        .isDeepEqualTo(new long[][] {{1, 2, 0}, {0, 3, 0}, {1, 0, 3}});
  }

  @Test
  void aucsAreAbsentWhenASliceHoldsOneClass() {
    Map<String, Double> m =
        ClassificationMetrics.binary(new int[] {1, 1}, new double[][] {{0.2, 0.8}, {0.6, 0.4}}, 1);
    assertThat(m).doesNotContainKeys("roc_auc", "pr_auc").containsKeys("accuracy", "brier");
  }
}
