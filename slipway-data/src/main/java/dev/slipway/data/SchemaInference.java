package dev.slipway.data;

import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.Schema;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Infers the {@link Schema} a dataset should keep to from the dataset itself, by TFDV's rules
 * ({@code infer_schema}): the type is the one the statistics found; a feature is required when no
 * value is missing (TFDV's {@code min_fraction = 1}); a STRING feature with at least one and at
 * most {@code maxDomainSize} distinct values (default {@value #DEFAULT_MAX_DOMAIN_SIZE}, TFDV's
 * {@code max_string_domain_size}) gets a domain of all its values, sorted. A column with no
 * present value is never required and gets no domain.
 *
 * <p>Prefer {@link #infer(Table)}: {@link Statistics} only list the {@value
 * StatisticsCalculator#TOP_VALUES} most frequent values of a column, so {@link
 * #infer(Statistics)} can give a domain only to columns with that few distinct values. Stateless
 * and thread-safe.
 */
public final class SchemaInference {
  /** TFDV's default for the largest domain inferred for a string feature. */
  public static final int DEFAULT_MAX_DOMAIN_SIZE = 100;

  private SchemaInference() {}

  /** {@link #infer(Table, int)} with the default maximum domain size. */
  public static Schema infer(Table table) {
    return infer(table, DEFAULT_MAX_DOMAIN_SIZE);
  }

  /** Infers the schema of a table, with domains computed from every value of each column. */
  public static Schema infer(Table table, int maxDomainSize) {
    checkSize(maxDomainSize);
    Statistics stats = StatisticsCalculator.compute(table);
    List<Schema.Feature> features = new ArrayList<>();
    for (Statistics.Feature f : stats.features()) {
      List<String> domain = null;
      if (hasDomain(f, maxDomainSize)) {
        Column column = table.column(f.name());
        domain = sorted(StatisticsCalculator.valueCounts(column).keySet());
      }
      features.add(feature(f, domain));
    }
    return new Schema(features);
  }

  /**
   * What to infer beyond TFDV's defaults, for a schema file people will curate.
   *
   * @param maxDomainSize largest domain inferred for a string feature
   * @param label the label column, marked {@code not_in_environment: [SERVING]}; null for none
   * @param ranges true to record each numeric feature's observed min and max as its allowed range
   *     (TFDV does not infer ranges; they flag any new extreme, so they are opt-in)
   */
  public record Options(int maxDomainSize, String label, boolean ranges) {
    /** TFDV's defaults: domains up to 100 values, no label, no ranges. */
    public static final Options DEFAULTS = new Options(DEFAULT_MAX_DOMAIN_SIZE, null, false);
  }

  /**
   * Infers a versioned schema ({@link Schema#CURRENT_VERSION}, environments TRAINING and SERVING)
   * with the options' label and ranges.
   *
   * @throws dev.slipway.core.InvalidInputException when the label is not a column of the table
   */
  public static Schema infer(Table table, Options options) {
    Schema base = infer(table, options.maxDomainSize());
    if (options.label() != null && base.feature(options.label()).isEmpty()) {
      throw new dev.slipway.core.InvalidInputException(
          "label column '" + options.label() + "' is not in the data; columns: " + table.names());
    }
    Statistics stats = StatisticsCalculator.compute(table);
    List<Schema.Feature> features = new ArrayList<>();
    for (Schema.Feature f : base.features()) {
      Statistics.Feature s = stats.feature(f.name()).orElseThrow();
      if (options.ranges() && s.numeric() != null) {
        f = f.withRange(s.numeric().min(), s.numeric().max());
      }
      if (f.name().equals(options.label())) {
        f = f.withNotInEnvironment(List.of(Schema.SERVING));
      }
      features.add(f);
    }
    return new Schema(Schema.CURRENT_VERSION, Schema.DEFAULT_ENVIRONMENTS, features);
  }

  /** {@link #infer(Statistics, int)} with the default maximum domain size. */
  public static Schema infer(Statistics stats) {
    return infer(stats, DEFAULT_MAX_DOMAIN_SIZE);
  }

  /**
   * Infers a schema from statistics alone. A string column gets a domain only when its top values
   * list all of its distinct values; see the class comment.
   */
  public static Schema infer(Statistics stats, int maxDomainSize) {
    checkSize(maxDomainSize);
    List<Schema.Feature> features = new ArrayList<>();
    for (Statistics.Feature f : stats.features()) {
      List<String> domain = null;
      if (hasDomain(f, maxDomainSize) && f.strings().topValues().size() == f.strings().distinct()) {
        domain = sorted(f.strings().topValues().stream().map(ValueCount::value).toList());
      }
      features.add(feature(f, domain));
    }
    return new Schema(features);
  }

  private static boolean hasDomain(Statistics.Feature f, int maxDomainSize) {
    return f.type() == FeatureType.STRING
        && f.strings() != null
        && f.strings().distinct() > 0
        && f.strings().distinct() <= maxDomainSize;
  }

  private static Schema.Feature feature(Statistics.Feature f, List<String> domain) {
    return new Schema.Feature(f.name(), f.type(), f.missing() == 0 && f.count() > 0, domain);
  }

  private static List<String> sorted(Collection<String> values) {
    return values.stream().sorted().toList();
  }

  private static void checkSize(int maxDomainSize) {
    if (maxDomainSize < 0) {
      throw new IllegalArgumentException("maxDomainSize must be >= 0, got " + maxDomainSize);
    }
  }
}
