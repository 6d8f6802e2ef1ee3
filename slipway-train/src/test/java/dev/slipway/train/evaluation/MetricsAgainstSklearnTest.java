package dev.slipway.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every expected figure below was printed by scikit-learn 1.2.1 (Debian python3-sklearn) with
 * {@code /usr/bin/python3 src/test/resources/reference/metrics_reference.py}; predicted labels there
 * are {@code argmax} of the probability rows, as here.
 */
class MetricsAgainstSklearnTest {
  private static final double TOLERANCE = 1e-9;

  private static final int[] TRUTH = {0, 1, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1};
  private static final double[] P1 = {0.1, 0.4, 0.35, 0.8, 0.7, 0.7, 0.2, 0.7, 0.9, 1.0, 0.0, 0.5};

  private static double[][] binary() {
    double[][] out = new double[P1.length][];
    for (int i = 0; i < P1.length; i++) {
      out[i] = new double[] {1 - P1[i], P1[i]};
    }
    return out;
  }

  @Test
  void binaryMetricsMatchSklearn() {
    Map<String, Double> m = ClassificationMetrics.binary(TRUTH, binary(), 1);
    assertThat(m.get("accuracy")).isCloseTo(0.5833333333333334, within(TOLERANCE));
    assertThat(m.get("precision")).isCloseTo(0.6666666666666666, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo(0.5714285714285714, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo(0.6153846153846153, within(TOLERANCE));
    // three rows tie at 0.7 across both classes: ties must count one half
    assertThat(m.get("roc_auc")).isCloseTo(0.7428571428571429, within(TOLERANCE));
    assertThat(m.get("log_loss")).isCloseTo(0.5516571020166786, within(TOLERANCE));
    assertThat(m).containsKeys("accuracy", "precision", "recall", "f1", "roc_auc", "log_loss");
  }

  @Test
  void positiveClassZeroMatchesSklearnPosLabelZero() {
    Map<String, Double> m = ClassificationMetrics.binary(TRUTH, binary(), 0);
    assertThat(m.get("precision")).isCloseTo(0.5, within(TOLERANCE));
    assertThat(m.get("recall")).isCloseTo(0.6, within(TOLERANCE));
    assertThat(m.get("f1")).isCloseTo(0.5454545454545454, within(TOLERANCE));
    assertThat(m.get("roc_auc")).isCloseTo(0.7428571428571429, within(TOLERANCE));
  }

  @Test
  void multiclassMetricsMatchSklearn() {
    int[] truth = {0, 1, 2, 2, 1, 0, 2, 1};
    double[][] p = {
      {.7, .2, .1}, {.1, .8, .1}, {.2, .2, .6}, {.5, .1, .4},
      {.3, .3, .4}, {.25, .5, .25}, {0, 0, 1}, {.1, .6, .3}
    };
    Map<String, Double> m = ClassificationMetrics.multiclass(truth, p);
    assertThat(m.get("accuracy")).isCloseTo(0.625, within(TOLERANCE));
    assertThat(m.get("f1_macro")).isCloseTo(0.611111111111111, within(TOLERANCE));
    assertThat(m.get("log_loss")).isCloseTo(0.6385034550131135, within(TOLERANCE));
    assertThat(m).doesNotContainKey("roc_auc");
  }

  @Test
  void logLossClipsCertainWrongAnswers() {
    // log_loss([1, 0], [[1, 0], [1, 0]], eps=1e-15, labels=[0, 1]) = 17.269388197455342
    Map<String, Double> m =
        ClassificationMetrics.binary(new int[] {1, 0}, new double[][] {{1, 0}, {1, 0}}, 1);
    assertThat(m.get("log_loss")).isCloseTo(17.269388197455342, within(TOLERANCE));
  }

  @Test
  void regressionMetricsMatchSklearn() {
    Map<String, Double> m =
        RegressionMetrics.of(
            new double[] {3.0, -0.5, 2.0, 7.0, 4.25}, new double[] {2.5, 0.0, 2.0, 8.0, 3.0});
    assertThat(m.get("rmse")).isCloseTo(0.7826237921249264, within(TOLERANCE));
    assertThat(m.get("mae")).isCloseTo(0.65, within(TOLERANCE));
    assertThat(m.get("r2")).isCloseTo(0.9002442996742671, within(TOLERANCE));
  }

  @Test
  void r2OfConstantTruthFollowsSklearnForceFinite() {
    assertThat(RegressionMetrics.of(new double[] {2, 2}, new double[] {2, 2}).get("r2")).isEqualTo(1.0);
    assertThat(RegressionMetrics.of(new double[] {2, 2}, new double[] {2, 3}).get("r2")).isEqualTo(0.0);
  }

  @Test
  void aucIsAbsentWhenTruthHasOneClass() {
    Map<String, Double> m =
        ClassificationMetrics.binary(new int[] {1, 1}, new double[][] {{0.2, 0.8}, {0.6, 0.4}}, 1);
    assertThat(m).doesNotContainKey("roc_auc").containsKey("accuracy");
  }

  @Test
  void mismatchedLengthsAreRejected() {
    assertThatThrownBy(() -> ClassificationMetrics.binary(new int[] {0, 1}, new double[][] {{1, 0}}, 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("2 labels and 1 rows");
    assertThatThrownBy(() -> RegressionMetrics.of(new double[0], new double[0]))
        .isInstanceOf(InvalidInputException.class);
  }
}
