package dev.slipway.data.drift;

import java.util.Arrays;
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
   * p-value is the asymptotic Kolmogorov distribution at D·√(nm/(n+m)) ({@code
   * KolmogorovSmirnovTest.approximateP}, = {@code scipy.special.kolmogorov}), deterministic where
   * commons-math's small-sample path would be Monte-Carlo. NaN values are ignored.
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
    double p = new KolmogorovSmirnovTest().approximateP(d, a.length, b.length);
    return new Result(d, Math.min(1.0, Math.max(0.0, p)));
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
    ChiSquareTest test = new ChiSquareTest();
    return new Result(test.chiSquare(table), test.chiSquareTest(table));
  }

  private static double sum(double[] values) {
    return Arrays.stream(values).sum();
  }

  private static double[] sortedFinite(double[] values) {
    return Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
  }
}
