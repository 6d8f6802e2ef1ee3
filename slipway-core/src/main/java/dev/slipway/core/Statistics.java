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
   * Moments and order statistics of a numeric column over its present values. {@code std} is the
   * population standard deviation (divisor n, as TFDV and numpy's default); quantiles use linear
   * interpolation between closest ranks (numpy's default, Hyndman–Fan type 7).
   */
  public record NumericSummary(
      double mean,
      double std,
      double min,
      double max,
      long zeros,
      List<Quantile> quantiles) {}

  /** The value below which a fraction {@code q} of the present values lie. */
  public record Quantile(double q, double value) {}

  /**
   * Summary of a string column.
   *
   * @param distinct number of distinct present values
   * @param topValues most frequent values, most frequent first, ties by value
   */
  public record StringSummary(long distinct, List<ValueCount> topValues) {}

  /** A value and how many rows hold it. */
  public record ValueCount(String value, long count) {}
}
