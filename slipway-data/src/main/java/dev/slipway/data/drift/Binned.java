package dev.slipway.data.drift;

import dev.slipway.core.Statistics.Bucket;
import dev.slipway.core.Statistics.Histogram;
import dev.slipway.core.Statistics.ValueCount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Two datasets' counts over the same bins — categories, or numeric intervals shared by both — from
 * which every distance here is computed, and which reports draw side by side.
 *
 * <p>Numeric histograms are re-bucketed as TFDV does ({@code anomalies/metrics.cc}
 * {@code RebucketHistogram}): the bins are the intervals between the union of both histograms'
 * bucket boundaries, and a bucket's count is spread over the bins it covers in proportion to
 * their width (values are assumed uniform within a bucket). A zero-width bucket (a constant
 * column) is a point mass with a bin of its own; NaN counts get a bin of their own.
 *
 * @param labels one label per bin, e.g. {@code "[1.5, 2.25)"} or a category
 * @param baseline the baseline's count per bin (may be fractional after re-bucketing)
 * @param current the current dataset's count per bin
 */
public record Binned(List<String> labels, double[] baseline, double[] current) {

  public Binned {
    labels = List.copyOf(labels);
    if (baseline.length != labels.size() || current.length != labels.size()) {
      throw new IllegalArgumentException("one count per label expected");
    }
  }

  /** Shares categories by value; {@code other} counts values beyond the listed ones. */
  static Binned categories(List<ValueCount> a, long otherA, List<ValueCount> b, long otherB) {
    Map<String, double[]> bins = new LinkedHashMap<>();
    a.forEach(v -> bins.computeIfAbsent(v.value(), k -> new double[2])[0] += v.count());
    b.forEach(v -> bins.computeIfAbsent(v.value(), k -> new double[2])[1] += v.count());
    if (otherA > 0 || otherB > 0) {
      double[] other = bins.computeIfAbsent("(other values)", k -> new double[2]);
      other[0] += otherA;
      other[1] += otherB;
    }
    return of(bins);
  }

  /** Re-buckets two numeric histograms onto shared bins (see the class comment). */
  static Binned histograms(Histogram a, long nanA, Histogram b, long nanB) {
    TreeSet<Double> edges = new TreeSet<>();
    TreeSet<Double> points = new TreeSet<>();
    for (Histogram h : List.of(a, b)) {
      for (Bucket bucket : h.buckets()) {
        if (bucket.low() == bucket.high()) {
          points.add(bucket.low());
        } else {
          edges.add(bucket.low());
          edges.add(bucket.high());
        }
      }
    }
    Map<String, double[]> bins = new LinkedHashMap<>();
    List<Double> e = new ArrayList<>(edges);
    for (int i = 0; i + 1 < e.size(); i++) {
      double lo = e.get(i);
      double hi = e.get(i + 1);
      double[] counts = new double[2];
      counts[0] = spread(a, lo, hi);
      counts[1] = spread(b, lo, hi);
      bins.put(String.format(Locale.ROOT, "[%.4g, %.4g)", lo, hi), counts);
    }
    for (double p : points) {
      bins.put(String.format(Locale.ROOT, "=%.4g", p), new double[] {mass(a, p), mass(b, p)});
    }
    if (nanA > 0 || nanB > 0) {
      bins.put("NaN", new double[] {nanA, nanB});
    }
    return of(bins);
  }

  private static double spread(Histogram h, double lo, double hi) {
    double sum = 0;
    for (Bucket bucket : h.buckets()) {
      double width = bucket.high() - bucket.low();
      if (width > 0) {
        double overlap = Math.min(hi, bucket.high()) - Math.max(lo, bucket.low());
        sum += overlap > 0 ? bucket.count() * overlap / width : 0;
      }
    }
    return sum;
  }

  private static double mass(Histogram h, double point) {
    return h.buckets().stream()
        .filter(bucket -> bucket.low() == point && bucket.high() == point)
        .mapToDouble(Bucket::count)
        .sum();
  }

  private static Binned of(Map<String, double[]> bins) {
    double[] a = new double[bins.size()];
    double[] b = new double[bins.size()];
    int i = 0;
    for (double[] counts : bins.values()) {
      a[i] = counts[0];
      b[i++] = counts[1];
    }
    return new Binned(new ArrayList<>(bins.keySet()), a, b);
  }

  /** The baseline's counts as shares summing to 1 (all zero when it has no values). */
  public double[] baselineShares() {
    return shares(baseline);
  }

  /** The current dataset's counts as shares summing to 1. */
  public double[] currentShares() {
    return shares(current);
  }

  /** L-infinity distance: the largest difference between the two shares of any bin, in [0, 1]. */
  public double infinityNorm() {
    double[] p = baselineShares();
    double[] q = currentShares();
    double max = 0;
    for (int i = 0; i < p.length; i++) {
      max = Math.max(max, Math.abs(p[i] - q[i]));
    }
    return max;
  }

  /**
   * Jensen–Shannon divergence in bits, ½[KL(p‖m) + KL(q‖m)] with m = (p + q) / 2, capped at 1 as
   * TFDV caps it. (scipy's {@code jensenshannon(p, q, base=2)} is its square root.)
   */
  public double jensenShannonDivergence() {
    double[] p = baselineShares();
    double[] q = currentShares();
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double m = (p[i] + q[i]) / 2;
      sum += kl(p[i], m) + kl(q[i], m);
    }
    return Math.min(1.0, Math.max(0.0, sum / 2));
  }

  private static double kl(double x, double m) {
    return x > 0 ? x * Math.log(x / m) / Math.log(2) : 0;
  }

  /**
   * Population stability index Σ (p − q)·ln(p / q), p the baseline's share, with empty bins
   * floored at {@value #PSI_FLOOR} as Evidently floors them ({@code psi.py}).
   */
  public double psi() {
    double[] p = baselineShares();
    double[] q = currentShares();
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double a = Math.max(p[i], PSI_FLOOR);
      double b = Math.max(q[i], PSI_FLOOR);
      sum += (a - b) * Math.log(a / b);
    }
    return sum;
  }

  /** Evidently's floor for empty bins in PSI. */
  public static final double PSI_FLOOR = 0.0001;

  private static double[] shares(double[] counts) {
    double total = 0;
    for (double c : counts) {
      total += c;
    }
    double[] out = new double[counts.length];
    for (int i = 0; i < counts.length; i++) {
      out[i] = total > 0 ? counts[i] / total : 0;
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Binned other
        && labels.equals(other.labels)
        && java.util.Arrays.equals(baseline, other.baseline)
        && java.util.Arrays.equals(current, other.current);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * labels.hashCode() + java.util.Arrays.hashCode(baseline))
        + java.util.Arrays.hashCode(current);
  }

  @Override
  public String toString() {
    return "Binned" + labels;
  }
}
