package dev.slipway.data;

import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.Bucket;
import dev.slipway.core.Statistics.Histogram;
import dev.slipway.core.Statistics.HistogramType;
import dev.slipway.core.Statistics.NumericSummary;
import dev.slipway.core.Statistics.Quantile;
import dev.slipway.core.Statistics.StringSummary;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes the descriptive {@link Statistics} of a table, exactly (no sketches), in one pass per
 * column over values held in memory.
 *
 * <p>Per column: the number of present and missing values and the type — {@code INT} for a
 * numeric column whose present values are all whole numbers (so also for a column with no present
 * value), {@code FLOAT} for other numeric columns, {@code STRING} otherwise. Numeric columns with
 * at least one present value get the mean, the population standard deviation (divisor n), min,
 * max, the number of zeros and the quantiles at {@link #QUANTILES}, interpolated linearly between
 * closest ranks (Hyndman–Fan type 7, numpy's and R's default). String columns get the number of
 * distinct values and the {@link #TOP_VALUES} most frequent, by count descending, then value
 * ascending. Stateless and thread-safe.
 */
public final class StatisticsCalculator {
  /** The probabilities at which quantiles are reported. */
  public static final List<Double> QUANTILES =
      List.of(0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0);

  /** How many most frequent values a string summary lists (TFDV's {@code num_top_values}). */
  public static final int TOP_VALUES = 20;

  /** Values kept in the rank histogram (TFDV default num_rank_histogram_buckets). */
  public static final int RANK_HISTOGRAM_VALUES = 1000;

  /** Buckets of both histograms (TFDV default num_histogram_buckets). */
  public static final int HISTOGRAM_BUCKETS = 10;

  private StatisticsCalculator() {}

  /** The statistics of every column of the table, in column order. */
  public static Statistics compute(Table table) {
    List<Statistics.Feature> features = new ArrayList<>(table.columns().size());
    for (Column column : table.columns()) {
      features.add(
          switch (column) {
            case NumericColumn n -> numeric(n);
            case StringColumn s -> string(s);
          });
    }
    return new Statistics(table.rowCount(), features);
  }

  /** How many rows hold each present value of the column, keyed by {@link Column#text(int)}. */
  static Map<String, Long> valueCounts(Column column) {
    Map<String, Long> counts = new HashMap<>();
    for (int row = 0; row < column.size(); row++) {
      String value = column.text(row);
      if (value != null) {
        counts.merge(value, 1L, Long::sum);
      }
    }
    return counts;
  }

  /** The type-7 quantile of sorted values at probability q in [0, 1]. */
  static double quantile(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    if (Math.abs(h - Math.rint(h)) < 1e-9) {
      h = Math.rint(h); // (n-1) * 0.3 is 2.9999999999999996 for n = 11, not 3
    }
    int lo = (int) Math.floor(h);
    if (lo >= sorted.length - 1) {
      return sorted[sorted.length - 1];
    }
    return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
  }

  private static Statistics.Feature numeric(NumericColumn column) {
    double[] present = Arrays.stream(column.values()).filter(v -> !Double.isNaN(v)).toArray();
    FeatureType type = column.isIntegral() ? FeatureType.INT : FeatureType.FLOAT;
    long missing = column.size() - present.length;
    if (present.length == 0) {
      return new Statistics.Feature(column.name(), type, 0, missing, null, null);
    }
    return new Statistics.Feature(
        column.name(), type, present.length, missing, summary(present), null);
  }

  private static NumericSummary summary(double[] values) {
    int n = values.length;
    double sum = 0;
    long zeros = 0;
    for (double v : values) {
      sum += v;
      zeros += v == 0 ? 1 : 0;
    }
    double mean = sum / n;
    // Two-pass (corrected) variance: accurate even when the mean is large against the spread.
    double squares = 0;
    double deviations = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
      deviations += v - mean;
    }
    mean += deviations / n;
    double variance = Math.max(0, (squares - deviations * deviations / n) / n);
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    List<Quantile> quantiles = new ArrayList<>(QUANTILES.size());
    for (double q : QUANTILES) {
      quantiles.add(new Quantile(q, quantile(sorted, q)));
    }
    return new NumericSummary(
        mean,
        Math.sqrt(variance),
        sorted[0],
        quantile(sorted, 0.5),
        sorted[n - 1],
        zeros,
        0, // in a Table NaN marks a missing value: a NaN count needs a source that keeps both
        0,
        quantiles,
        0,
        standardHistogram(sorted, HISTOGRAM_BUCKETS),
        quantilesHistogram(sorted, HISTOGRAM_BUCKETS));
  }

  /** Equal-width buckets over [min, max]; a constant column gets one bucket. */
  static Histogram standardHistogram(double[] sorted, int buckets) {
    double min = sorted[0];
    double max = sorted[sorted.length - 1];
    if (min == max) {
      return new Histogram(HistogramType.STANDARD, List.of(new Bucket(min, max, sorted.length)));
    }
    double width = (max - min) / buckets;
    double[] counts = new double[buckets];
    for (double v : sorted) {
      counts[Math.min(buckets - 1, (int) ((v - min) / width))]++;
    }
    List<Bucket> out = new ArrayList<>(buckets);
    for (int i = 0; i < buckets; i++) {
      out.add(new Bucket(min + i * width, i == buckets - 1 ? max : min + (i + 1) * width, counts[i]));
    }
    return new Histogram(HistogramType.STANDARD, out);
  }

  /** Equal-mass buckets between consecutive type-7 quantiles, each holding n / buckets values. */
  static Histogram quantilesHistogram(double[] sorted, int buckets) {
    List<Bucket> out = new ArrayList<>(buckets);
    double mass = (double) sorted.length / buckets;
    for (int i = 0; i < buckets; i++) {
      out.add(new Bucket(
          quantile(sorted, (double) i / buckets), quantile(sorted, (double) (i + 1) / buckets), mass));
    }
    return new Histogram(HistogramType.QUANTILES, out);
  }

  private static Statistics.Feature string(StringColumn column) {
    Map<String, Long> counts = valueCounts(column);
    long present = counts.values().stream().mapToLong(Long::longValue).sum();
    List<ValueCount> ranked =
        counts.entrySet().stream()
            .sorted(
                Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .limit(RANK_HISTOGRAM_VALUES)
            .map(e -> new ValueCount(e.getKey(), e.getValue()))
            .toList();
    List<ValueCount> top = ranked.subList(0, Math.min(TOP_VALUES, ranked.size()));
    double length = 0;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      length += (double) e.getKey().length() * e.getValue();
    }
    return new Statistics.Feature(
        column.name(),
        FeatureType.STRING,
        present,
        column.size() - present,
        null,
        new StringSummary(counts.size(), top, ranked, present == 0 ? 0 : length / present, 0));
  }
}
