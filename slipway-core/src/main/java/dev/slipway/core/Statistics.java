package dev.slipway.core;

import java.util.List;
import java.util.Optional;

/**
 * Descriptive statistics of one dataset (or split), one entry per column, in column order.
 * Persisted as the JSON of this record; see {@code docs/formats.md}.
 *
 * @param rows number of rows
 * @param features per-column statistics
 */
public record Statistics(long rows, List<Feature> features) {

  public Statistics {
    features = List.copyOf(features);
  }

  public Optional<Feature> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Statistics of one column.
   *
   * @param name column name
   * @param type INT or FLOAT for numeric columns, STRING otherwise
   * @param count number of present (non-missing) values
   * @param missing number of missing values
   * @param numeric present for INT/FLOAT columns
   * @param strings present for STRING columns
   */
  public record Feature(
      String name,
      FeatureType type,
      long count,
      long missing,
      NumericSummary numeric,
      StringSummary strings) {}

  /**
   * Moments and order statistics of a numeric column over its finite present values. {@code std}
   * is the population standard deviation (divisor n, as TFDV and numpy's default); quantiles use
   * linear interpolation between closest ranks (numpy's default, Hyndman–Fan type 7) unless
   * {@code quantileError} says they come from a sketch.
   *
   * @param nan values that are NaN (present, but not numbers; sources that cannot tell NaN from
   *     missing count them as missing)
   * @param infinite values that are +/- infinity
   * @param quantileError 0 for exact quantiles, else the sketch's rank error bound (e.g. 0.01)
   * @param standardHistogram equal-width buckets between min and max (TFDV STANDARD)
   * @param quantilesHistogram buckets between consecutive quantiles (TFDV QUANTILES)
   */
  public record NumericSummary(
      double mean,
      double std,
      double min,
      double median,
      double max,
      long zeros,
      long nan,
      long infinite,
      List<Quantile> quantiles,
      double quantileError,
      Histogram standardHistogram,
      Histogram quantilesHistogram) {}

  /** A histogram of a numeric column (TFDV's Histogram). */
  public record Histogram(HistogramType type, List<Bucket> buckets) {
    public Histogram {
      buckets = List.copyOf(buckets);
    }
  }

  /** STANDARD = equal-width buckets; QUANTILES = equal-mass buckets. */
  public enum HistogramType {
    STANDARD,
    QUANTILES
  }

  /** Values in [low, high) — the last bucket includes high. Counts may be fractional (TFDV). */
  public record Bucket(double low, double high, double count) {}

  /** The value below which a fraction {@code q} of the present values lie. */
  public record Quantile(double q, double value) {}

  /**
   * Summary of a string column.
   *
   * @param distinct number of distinct present values
   * @param topValues most frequent values (at most 20 by default), most frequent first, ties by
   *     value
   * @param rankHistogram the same ordering with up to 1000 values (TFDV's rank histogram); what
   *     categorical drift comparators use
   * @param avgLength mean length in characters of the present values
   * @param invalidUtf8 values whose bytes were not valid UTF-8 in the source
   */
  public record StringSummary(
      long distinct,
      List<ValueCount> topValues,
      List<ValueCount> rankHistogram,
      double avgLength,
      long invalidUtf8) {}

  /** A value and how many rows hold it. */
  public record ValueCount(String value, long count) {}
}
