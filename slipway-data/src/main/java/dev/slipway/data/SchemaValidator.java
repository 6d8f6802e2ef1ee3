package dev.slipway.data;

import dev.slipway.core.Anomalies;
import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a table against a {@link Schema} and reports each problem as an {@link Anomaly} coded as
 * TFDV codes it ({@code tensorflow_metadata} {@code AnomalyInfo.Type}), with a sentence for people:
 *
 * <ul>
 *   <li>{@value #DATASET_EMPTY} — the table has no rows;
 *   <li>{@value #SCHEMA_MISSING_COLUMN} — a schema feature is not a column of the table;
 *   <li>{@value #SCHEMA_NEW_COLUMN} — a column is not in the schema;
 *   <li>{@value #UNEXPECTED_DATA_TYPE} — the schema says INT or FLOAT but the column holds text;
 *   <li>{@value #INT_TYPE_NOT_INT} — the schema says INT but a value is not a whole number;
 *   <li>{@value #FEATURE_TYPE_LOW_FRACTION_PRESENT} — a required feature has missing values;
 *   <li>{@value #ENUM_TYPE_UNEXPECTED_STRING_VALUES} — values outside a feature's domain (TFDV's
 *       default {@code min_domain_mass = 1}: one such value is enough);
 *   <li>{@value #INT_TYPE_SMALL_INT} / {@value #FLOAT_TYPE_SMALL_FLOAT} — values below a numeric
 *       feature's {@code min}; {@value #INT_TYPE_BIG_INT} / {@value #FLOAT_TYPE_BIG_FLOAT} — above
 *       its {@code max}.
 * </ul>
 *
 * <p>Validated in an environment (TFDV's {@code validate_statistics(..., environment)}), the
 * features whose {@code not_in_environment} names it are skipped both in the schema and in the
 * table. Comparisons with a baseline (drift, skew, missing-rate rise, class balance) are {@link
 * dev.slipway.data.drift.DriftDetector}'s.
 *
 * <p>A STRING feature accepts a numeric column (its values are then compared with the domain as
 * {@link Column#text(int)}). Anomalies come in a fixed order: the dataset-level one, then per
 * schema feature in schema order, then new columns in table order. Stateless and thread-safe.
 */
public final class SchemaValidator {
  public static final String DATASET_EMPTY = "DATASET_EMPTY";
  public static final String SCHEMA_MISSING_COLUMN = "SCHEMA_MISSING_COLUMN";
  public static final String SCHEMA_NEW_COLUMN = "SCHEMA_NEW_COLUMN";
  public static final String UNEXPECTED_DATA_TYPE = "UNEXPECTED_DATA_TYPE";
  public static final String INT_TYPE_NOT_INT = "INT_TYPE_NOT_INT";
  public static final String FEATURE_TYPE_LOW_FRACTION_PRESENT =
      "FEATURE_TYPE_LOW_FRACTION_PRESENT";
  public static final String ENUM_TYPE_UNEXPECTED_STRING_VALUES =
      "ENUM_TYPE_UNEXPECTED_STRING_VALUES";

  public static final String INT_TYPE_SMALL_INT = "INT_TYPE_SMALL_INT";
  public static final String INT_TYPE_BIG_INT = "INT_TYPE_BIG_INT";
  public static final String FLOAT_TYPE_SMALL_FLOAT = "FLOAT_TYPE_SMALL_FLOAT";
  public static final String FLOAT_TYPE_BIG_FLOAT = "FLOAT_TYPE_BIG_FLOAT";

  /** How many out-of-domain values a message names. */
  static final int EXAMPLES = 5;

  private SchemaValidator() {}

  /** Validates every column of the table against the schema. */
  public static Anomalies validate(Table table, Schema schema) {
    return validate(table, schema, Set.of());
  }

  /**
   * Validates the table in an environment (e.g. {@link Schema#SERVING}): features not in it are
   * skipped in the schema and in the table. A null environment checks every feature.
   */
  public static Anomalies validate(Table table, Schema schema, String environment) {
    Objects.requireNonNull(schema, "schema");
    Set<String> absent = new HashSet<>();
    for (Schema.Feature f : schema.features()) {
      if (environment != null && !f.isIn(environment)) {
        absent.add(f.name());
      }
    }
    return validate(table, schema, absent);
  }

  /**
   * Validates the table against the schema, skipping the named columns both in the schema and in
   * the table (e.g. the label, which serving requests do not carry).
   */
  public static Anomalies validate(Table table, Schema schema, Set<String> ignoredColumns) {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(ignoredColumns, "ignoredColumns");
    List<Anomaly> found = new ArrayList<>();
    if (table.rowCount() == 0) {
      found.add(new Anomaly(DATASET_EMPTY, null, "the dataset has no rows"));
    }
    Set<String> expected = new HashSet<>();
    for (Schema.Feature feature : schema.features()) {
      expected.add(feature.name());
      if (!ignoredColumns.contains(feature.name())) {
        checkFeature(table, feature, found);
      }
    }
    for (String name : table.names()) {
      if (!expected.contains(name) && !ignoredColumns.contains(name)) {
        found.add(
            new Anomaly(
                SCHEMA_NEW_COLUMN,
                name,
                "column '" + name + "' is not in the schema; add it to the schema or drop it"));
      }
    }
    return new Anomalies(found);
  }

  private static void checkFeature(Table table, Schema.Feature feature, List<Anomaly> found) {
    String name = feature.name();
    Column column = table.find(name).orElse(null);
    if (column == null) {
      found.add(
          new Anomaly(
              SCHEMA_MISSING_COLUMN,
              name,
              "column '" + name + "' is in the schema (" + feature.type() + ") but not in the data"));
      return;
    }
    boolean typeOk = checkType(column, feature, found);
    checkPresence(column, feature, found);
    if (typeOk && feature.type() == FeatureType.STRING && feature.domain() != null) {
      checkDomain(column, feature, found);
    }
    if (typeOk && column instanceof NumericColumn numbers && feature.type().isNumeric()) {
      checkRange(numbers, feature, found);
    }
  }

  private static void checkRange(NumericColumn column, Schema.Feature feature, List<Anomaly> found) {
    boolean isInt = feature.type() == FeatureType.INT;
    if (feature.min() != null) {
      double min = feature.min();
      outOfRange(column, v -> v < min, isInt ? INT_TYPE_SMALL_INT : FLOAT_TYPE_SMALL_FLOAT,
          "below its minimum " + number(min), found);
    }
    if (feature.max() != null) {
      double max = feature.max();
      outOfRange(column, v -> v > max, isInt ? INT_TYPE_BIG_INT : FLOAT_TYPE_BIG_FLOAT,
          "above its maximum " + number(max), found);
    }
  }

  private static void outOfRange(
      NumericColumn column, java.util.function.DoublePredicate outside, String code, String where, List<Anomaly> found) {
    int first = -1;
    int count = 0;
    for (int row = 0; row < column.size(); row++) {
      double v = column.get(row);
      if (!Double.isNaN(v) && outside.test(v)) {
        first = first < 0 ? row : first;
        count++;
      }
    }
    if (count > 0) {
      found.add(new Anomaly(code, column.name(), String.format(Locale.ROOT,
          "column '%s' has %d %s %s, e.g. %s at row %d",
          column.name(), count, count == 1 ? "value" : "values", where, column.text(first), first + 1)));
    }
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  /** False when the values are of the wrong kind, so that their domain is not worth checking. */
  private static boolean checkType(Column column, Schema.Feature feature, List<Anomaly> found) {
    if (!feature.type().isNumeric()) {
      return true;
    }
    if (column instanceof StringColumn strings) {
      int row = firstText(strings);
      if (row >= 0) {
        found.add(
            new Anomaly(
                UNEXPECTED_DATA_TYPE,
                column.name(),
                String.format(
                    "column '%s' should hold %s numbers but holds text, e.g. %s at row %d",
                    column.name(),
                    feature.type(),
                    CsvReader.show(strings.get(row)),
                    row + 1)));
        return false;
      }
      return true;
    }
    NumericColumn numbers = (NumericColumn) column;
    if (feature.type() == FeatureType.INT && !numbers.isIntegral()) {
      int first = -1;
      int count = 0;
      for (int row = 0; row < numbers.size(); row++) {
        double v = numbers.get(row);
        if (!Double.isNaN(v) && (v != Math.rint(v) || Double.isInfinite(v))) {
          first = first < 0 ? row : first;
          count++;
        }
      }
      found.add(
          new Anomaly(
              INT_TYPE_NOT_INT,
              column.name(),
              String.format(
                  "column '%s' should hold whole numbers (INT) but %d %s not, e.g. %s at row %d",
                  column.name(),
                  count,
                  count == 1 ? "value is" : "values are",
                  numbers.text(first),
                  first + 1)));
      return false;
    }
    return true;
  }

  /** The first row whose value is not a number, else the first present row, else -1. */
  private static int firstText(StringColumn column) {
    int firstPresent = -1;
    for (int row = 0; row < column.size(); row++) {
      String v = column.get(row);
      if (v != null && Double.isNaN(CsvReader.parseNumber(v))) {
        return row;
      }
      firstPresent = firstPresent < 0 && v != null ? row : firstPresent;
    }
    return firstPresent;
  }

  private static void checkPresence(Column column, Schema.Feature feature, List<Anomaly> found) {
    if (!feature.required()) {
      return;
    }
    int missing = 0;
    for (int row = 0; row < column.size(); row++) {
      missing += column.isMissing(row) ? 1 : 0;
    }
    if (missing > 0) {
      found.add(
          new Anomaly(
              FEATURE_TYPE_LOW_FRACTION_PRESENT,
              column.name(),
              String.format(
                  Locale.ROOT,
                  "column '%s' is required but %d of %d rows have no value (%.1f%%)",
                  column.name(),
                  missing,
                  column.size(),
                  100.0 * missing / column.size())));
    }
  }

  private static void checkDomain(Column column, Schema.Feature feature, List<Anomaly> found) {
    Set<String> domain = new HashSet<>(feature.domain());
    Map<String, Long> counts = StatisticsCalculator.valueCounts(column);
    List<Map.Entry<String, Long>> outside =
        counts.entrySet().stream()
            .filter(e -> !domain.contains(e.getKey()))
            .sorted(
                Comparator.<Map.Entry<String, Long>>comparingLong(Map.Entry::getValue)
                    .reversed()
                    .thenComparing(Map.Entry::getKey))
            .toList();
    if (outside.isEmpty()) {
      return;
    }
    long total = outside.stream().mapToLong(Map.Entry::getValue).sum();
    String examples =
        outside.stream()
            .limit(EXAMPLES)
            .map(e -> CsvReader.show(e.getKey()) + " (" + rows(e.getValue()) + ")")
            .collect(Collectors.joining(", "));
    String more = outside.size() > EXAMPLES ? ", and " + (outside.size() - EXAMPLES) + " more" : "";
    found.add(
        new Anomaly(
            ENUM_TYPE_UNEXPECTED_STRING_VALUES,
            column.name(),
            String.format(
                "column '%s' has %s with %d %s outside its domain of %d: %s%s",
                column.name(),
                rows(total),
                outside.size(),
                outside.size() == 1 ? "value" : "values",
                domain.size(),
                examples,
                more)));
  }

  private static String rows(long count) {
    return count + (count == 1 ? " row" : " rows");
  }
}
