package dev.slipway.train.evaluation;

import dev.slipway.core.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Regression metrics as scikit-learn 1.2 and numpy define them: {@code rmse}, {@code mae}, {@code
 * mape} ({@code mean_absolute_percentage_error}: |error| / max(|truth|, machine epsilon), a
 * fraction, not per cent), {@code r2} (1 when a constant truth is predicted perfectly, else 0 for
 * constant truth, as {@code force_finite}), and quantiles of the residual truth − prediction at 5,
 * 25, 50, 75 and 95 % ({@code numpy.quantile}, linear interpolation): {@code residual_q05} … {@code
 * residual_q95}. Pure functions; thread-safe.
 */
public final class RegressionMetrics {
  private RegressionMetrics() {}

  private static final double[] QUANTILES = {0.05, 0.25, 0.5, 0.75, 0.95};
  private static final double MACHINE_EPSILON = Math.ulp(1.0);

  /**
   * The metrics, in the order listed in the class comment.
   *
   * @throws InvalidInputException when the lengths disagree or there are no rows
   */
  public static Map<String, Double> of(double[] truth, double[] predicted) {
    int n = truth.length;
    if (n == 0 || predicted.length != n) {
      throw new InvalidInputException(
          "metrics need one prediction per value and at least one row; got "
              + n + " values and " + predicted.length + " predictions");
    }
    double mean = Arrays.stream(truth).average().orElseThrow();
    double squares = 0, absolute = 0, percentage = 0, total = 0;
    double[] residuals = new double[n];
    for (int i = 0; i < n; i++) {
      double e = truth[i] - predicted[i];
      residuals[i] = e;
      squares += e * e;
      absolute += Math.abs(e);
      percentage += Math.abs(e) / Math.max(Math.abs(truth[i]), MACHINE_EPSILON);
      total += (truth[i] - mean) * (truth[i] - mean);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("rmse", Math.sqrt(squares / n));
    out.put("mae", absolute / n);
    out.put("mape", percentage / n);
    out.put("r2", total == 0 ? (squares == 0 ? 1.0 : 0.0) : 1 - squares / total);
    Arrays.sort(residuals);
    for (double q : QUANTILES) {
      out.put(String.format(java.util.Locale.ROOT, "residual_q%02d", Math.round(q * 100)), quantile(residuals, q));
    }
    return out;
  }

  /** numpy's default ('linear') quantile of sorted values. */
  static double quantile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double t = position - below;
    double a = sorted[below], b = sorted[above];
    // numpy's _lerp: from the nearer end, so the result is exact at t = 1
    return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }
}
