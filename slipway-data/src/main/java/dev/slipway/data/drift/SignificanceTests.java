package dev.slipway.data.drift;

import java.util.Arrays;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * Two-sample tests on raw values: Kolmogorov–Smirnov for numbers, chi-squared homogeneity for
 * category counts (commons-math3 gives the p-values). Stateless and thread-safe.
 */
public final class SignificanceTests {
  private SignificanceTests() {}

  /** A test's statistic and p-value. */
  public record Result(double statistic, double pValue) {}

  /**
   * Two-sided two-sample KS test. The statistic D is the largest gap between the two empirical
   * distribution functions, computed exactly with ties (as {@code scipy.stats.ks_2samp}); the
   * p-value is the asymptotic Kolmogorov distribution's upper tail at D·√(nm/(n+m)) (= {@code
   * scipy.special.kolmogorov}; commons-math's {@code approximateP}), deterministic where
   * commons-math's small-sample path would be Monte-Carlo, and slightly different from scipy's
   * default exact p-value for small samples. NaN values are ignored.
   *
   * @throws IllegalArgumentException when either sample has no finite value
   */
  public static Result kolmogorovSmirnov(double[] x, double[] y) {
    double[] a = sortedFinite(x);
    double[] b = sortedFinite(y);
    if (a.length == 0 || b.length == 0) {
      throw new IllegalArgumentException("both samples need at least one value");
    }
    double d = 0;
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      double v = Math.min(a[i], b[j]);
      while (i < a.length && a[i] == v) {
        i++;
      }
      while (j < b.length && b[j] == v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
    }
    return new Result(d, kolmogorovSurvival(d * Math.sqrt((double) a.length * b.length / (a.length + b.length)), d, a.length, b.length));
  }

  /**
   * P(K > λ) of the Kolmogorov distribution. For λ ≥ 1 the alternating series 2Σ(−1)^(k−1)
   * e^(−2k²λ²) converges in a few terms and keeps tiny p-values (commons-math's 1 − cdf rounds
   * them to 0); below 1 commons-math's {@code approximateP} is used.
   */
  private static double kolmogorovSurvival(double lambda, double d, int n, int m) {
    if (lambda < 1) {
      return Math.min(1.0, Math.max(0.0, new KolmogorovSmirnovTest().approximateP(d, n, m)));
    }
    double sum = 0;
    for (int k = 1; k <= 100; k++) {
      double term = Math.exp(-2.0 * k * k * lambda * lambda);
      sum += (k % 2 == 1 ? term : -term);
      if (term < 1e-300 || term < Math.abs(sum) * 1e-17) {
        break;
      }
    }
    return Math.min(1.0, Math.max(0.0, 2 * sum));
  }

  /**
   * Chi-squared test that two samples come from the same categorical distribution (the
   * contingency table of their counts, without Yates' correction: {@code
   * scipy.stats.chi2_contingency(table, correction=False)}). Bins empty in both are dropped.
   *
   * @return null when fewer than two bins hold values (nothing to test)
   */
  public static Result chiSquared(double[] baseline, double[] current) {
    int bins = 0;
    for (int k = 0; k < baseline.length; k++) {
      bins += baseline[k] + current[k] > 0 ? 1 : 0;
    }
    if (bins < 2 || sum(baseline) == 0 || sum(current) == 0) {
      return null;
    }
    long[][] table = new long[2][bins];
    int c = 0;
    for (int k = 0; k < baseline.length; k++) {
      if (baseline[k] + current[k] > 0) {
        table[0][c] = Math.round(baseline[k]);
        table[1][c++] = Math.round(current[k]);
      }
    }
    double statistic = new ChiSquareTest().chiSquare(table);
    // The upper tail directly (commons-math's chiSquareTest is 1 − cdf, which rounds to 0 below
    // about 1e-16): Q(df/2, x/2), the regularized upper incomplete gamma function.
    double p = Gamma.regularizedGammaQ((bins - 1) / 2.0, statistic / 2);
    return new Result(statistic, p);
  }

  private static double sum(double[] values) {
    return Arrays.stream(values).sum();
  }

  private static double[] sortedFinite(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }
}
