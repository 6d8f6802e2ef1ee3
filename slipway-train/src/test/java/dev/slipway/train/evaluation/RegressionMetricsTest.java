package dev.slipway.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected figures from {@code src/test/resources/reference/evaluation_reference.py} (sklearn 1.2.1, numpy 1.24.2). */
class RegressionMetricsTest {
  private static final double TOLERANCE = 1e-9;

  @Test
  void regressionMetricsMatchSklearnAndNumpyQuantiles() {
    Map<String, Double> m =
        RegressionMetrics.of(
            new double[] {3.0, -0.5, 2.0, 7.0, 4.25, 10.0}, new double[] {2.5, 0.0, 2.0, 8.0, 3.0, 9.0});
    assertThat(m.get("rmse")).isCloseTo(0.8228507357554792, within(TOLERANCE));
    assertThat(m.get("mae")).isCloseTo(0.7083333333333334, within(TOLERANCE));
    assertThat(m.get("mape")).isCloseTo(0.2839402427637722, within(TOLERANCE));
    assertThat(m.get("r2")).isCloseTo(0.9417997313833756, within(TOLERANCE));
    assertThat(m.get("residual_q05")).isCloseTo(-0.875, within(TOLERANCE));
    assertThat(m.get("residual_q25")).isCloseTo(-0.375, within(TOLERANCE));
    assertThat(m.get("residual_q50")).isCloseTo(0.25, within(TOLERANCE));
    assertThat(m.get("residual_q75")).isCloseTo(0.875, within(TOLERANCE));
    assertThat(m.get("residual_q95")).isCloseTo(1.1875, within(TOLERANCE));
  }
}
