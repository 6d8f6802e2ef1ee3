package dev.slipway.data.engine;

import static dev.slipway.data.engine.DataEngine.ident;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.Bucket;
import dev.slipway.core.Statistics.Histogram;
import dev.slipway.core.Statistics.HistogramType;
import dev.slipway.core.Statistics.NumericSummary;
import dev.slipway.core.Statistics.Quantile;
import dev.slipway.core.Statistics.StringSummary;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.data.StatisticsCalculator;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@link Statistics} by SQL over a relation, with the definitions of {@link StatisticsCalculator}
 * (the in-memory path) so both agree on the same data.
 *
 * <p>Three kinds of pass, each a single scan, none of which brings rows into the JVM: (1) one
 * query with every column's moments, counts and string lengths, and on relations of up to {@link
 * #SORT_ROWS} rows exact type-7 quantiles ({@code quantile_cont}, a sort per column); (2) one
 * query with every numeric column's equal-width histogram, whose edges need pass 1's min and max,
 * and on larger relations the bin counts of a {@link QuantileSelection}; (2b) on larger relations,
 * one query selecting the order statistics the quantiles need — as exact as the sort, at a
 * fraction of its cost; (3) per string column, the value counts, most frequent first (ties by
 * value), limited to {@link StatisticsCalculator#RANK_HISTOGRAM_VALUES}.
 *
 * <p>Numeric moments, extremes, quantiles and histograms are over the finite values; {@code
 * count} includes NaN and infinities (TFDV's num_non_missing), which are also counted apart. A
 * numeric column is INT when every finite present value is whole and none is infinite, else
 * FLOAT (the in-memory rule). Other engine types (dates, booleans) are summarised as their text.
 */
final class SqlStatistics {
  /** Relations up to this many rows get quantiles by sorting; larger ones by selection. */
  static final long SORT_ROWS = 1_000_000;

  private static final Pattern MAP_ENTRY = Pattern.compile("(-?\\d+)=(\\d+)");
  private final DataEngine engine;
  private final long sortRows;

  SqlStatistics(DataEngine engine) {
    this(engine, SORT_ROWS);
  }

  /** With another sort/selection threshold (tests run the selection on small data). */
  SqlStatistics(DataEngine engine, long sortRows) {
    this.engine = engine;
    this.sortRows = sortRows;
  }

  Statistics compute(String rel) {
    boolean sort = engine.count(rel) <= sortRows;
    Map<String, FeatureType> columns = engine.columns(rel);
    List<String> names = new ArrayList<>(columns.keySet());
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    StringBuilder finite = new StringBuilder("SELECT *");
    for (int c = 0; c < names.size(); c++) {
      String q = ident(names.get(c));
      if (columns.get(names.get(c)) == FeatureType.STRING) {
        String v = "CAST(" + q + " AS VARCHAR)";
        // the distinct count comes with the value counts (pass 3), not from a second hash table
        sql.append(", count(").append(q).append("), 0, avg(length(").append(v).append("))");
      } else {
        // Aggregates over a projected "finite or NULL" column instead of FILTER (WHERE
        // isfinite(x)) clauses: DuckDB evaluates and slices each FILTER apart, which made this
        // query 5x slower on the 10M-row benchmark.
        String x = "CAST(" + q + " AS DOUBLE)";
        String f = "\"__slipway_finite_" + c + "\"";
        finite.append(", CASE WHEN isfinite(").append(x).append(") THEN ").append(x).append(" END AS ").append(f);
        sql.append(", count(").append(q).append(")")
            .append(", count_if(isnan(").append(x).append("))")
            .append(", count_if(isinf(").append(x).append("))")
            .append(", count(").append(f).append(")")
            .append(", avg(").append(f).append(")")
            .append(", stddev_pop(").append(f).append(")")
            .append(", min(").append(f).append(")")
            .append(", max(").append(f).append(")")
            .append(", count_if(").append(f).append(" = 0)")
            .append(sort ? ", quantile_cont(" + f + ", " + quantileList() + ")" : ", NULL")
            // whole when every present non-NaN value is finite and whole (NULL: none present)
            .append(", bool_and(").append(f).append(" = floor(").append(f).append(")) AND count_if(isinf(")
            .append(x).append(")) = 0");
      }
    }
    sql.append(" FROM (").append(finite).append(" FROM ").append(rel).append(")");
    List<Partial> partials = new ArrayList<>();
    long rows;
    try (Statement s = engine.connection().createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
      r.next();
      rows = r.getLong(1);
      int i = 2;
      for (String name : names) {
        if (columns.get(name) == FeatureType.STRING) {
          partials.add(new Partial(name, true, r.getLong(i), r.getLong(i + 1), r.getDouble(i + 2),
              0, 0, 0, 0, 0, 0, 0, 0, null, true));
          i += 3;
        } else {
          Object[] qs = r.getObject(i + 9) == null ? null : (Object[]) r.getArray(i + 9).getArray();
          boolean integral = r.getObject(i + 10) == null || r.getBoolean(i + 10);
          partials.add(new Partial(name, false, r.getLong(i), 0, 0, r.getLong(i + 1), r.getLong(i + 2),
              r.getLong(i + 3), r.getDouble(i + 4), r.getDouble(i + 5), r.getDouble(i + 6),
              r.getDouble(i + 7), r.getLong(i + 8), qs, integral));
          i += 11;
        }
      }
    } catch (SQLException e) {
      throw new InvalidInputException("statistics query failed: " + EngineErrors.firstLine(e.getMessage()), e);
    }
    Map<Integer, QuantileSelection> selections = new java.util.LinkedHashMap<>();
    for (int c = 0; c < partials.size() && !sort; c++) {
      Partial p = partials.get(c);
      double width = (p.max - p.min) / QuantileSelection.BINS;
      if (!p.string && p.finite > 0 && p.min < p.max && width >= Double.MIN_NORMAL && Double.isFinite(width)) {
        selections.put(c, new QuantileSelection(p.name, p.finite, p.min, p.max));
      }
    }
    List<List<Bucket>> standard = standardHistograms(rel, partials, selections);
    Map<Integer, double[]> selected = select(rel, selections);
    List<Statistics.Feature> features = new ArrayList<>();
    for (int c = 0; c < partials.size(); c++) {
      Partial p = partials.get(c);
      features.add(p.string ? stringFeature(rel, rows, p)
          : numericFeature(rows, p, standard.get(c), quantiles(p, selected.get(c))));
    }
    return new Statistics(rows, features);
  }

  private static String quantileList() {
    return StatisticsCalculator.QUANTILES.stream().map(q -> "CAST(" + q + " AS DOUBLE)")
        .collect(Collectors.joining(", ", "[", "]"));
  }

  /** The quantiles from the sort, the selection or — for a constant column — its one value. */
  private static double[] quantiles(Partial p, double[] selected) {
    if (selected != null || p.string || p.finite == 0) {
      return selected;
    }
    double[] at = new double[StatisticsCalculator.QUANTILES.size()];
    for (int k = 0; k < at.length; k++) {
      at[k] = p.quantiles != null ? ((Number) p.quantiles[k]).doubleValue() : p.min;
    }
    if (p.quantiles == null && p.min != p.max) {
      throw new IllegalStateException("no quantiles computed for column '" + p.name + "'");
    }
    return at;
  }

  private Map<Integer, double[]> select(String rel, Map<Integer, QuantileSelection> selections) {
    Map<Integer, double[]> out = new java.util.HashMap<>();
    if (selections.isEmpty()) {
      return out;
    }
    for (Map.Entry<Integer, QuantileSelection> e : selections.entrySet()) {
      try (Statement s = engine.connection().createStatement();
          ResultSet r = s.executeQuery(e.getValue().selectSql(rel))) {
        r.next();
        out.put(e.getKey(), e.getValue().quantiles((Object[]) r.getArray(1).getArray()));
      } catch (SQLException x) {
        throw new InvalidInputException("quantile selection query failed: " + EngineErrors.firstLine(x.getMessage()), x);
      }
    }
    return out;
  }

  private static Statistics.Feature numericFeature(long rows, Partial p, List<Bucket> standard, double[] at) {
    FeatureType type = p.integral ? FeatureType.INT : FeatureType.FLOAT;
    if (p.count == 0) {
      return new Statistics.Feature(p.name, type, 0, rows, null, null);
    }
    List<Quantile> quantiles = new ArrayList<>();
    if (at != null) {
      for (int k = 0; k < at.length; k++) {
        quantiles.add(new Quantile(StatisticsCalculator.QUANTILES.get(k), at[k]));
      }
    }
    List<Bucket> byQuantile = new ArrayList<>();
    if (p.finite > 0) {
      double mass = (double) p.finite / StatisticsCalculator.HISTOGRAM_BUCKETS;
      for (int b = 0; b < StatisticsCalculator.HISTOGRAM_BUCKETS; b++) {
        byQuantile.add(new Bucket(valueAt(at, (double) b / StatisticsCalculator.HISTOGRAM_BUCKETS),
            valueAt(at, (double) (b + 1) / StatisticsCalculator.HISTOGRAM_BUCKETS), mass));
      }
    }
    double nan = Double.NaN;
    NumericSummary summary = new NumericSummary(
        p.finite > 0 ? p.mean : nan, p.finite > 0 ? p.std : nan, p.finite > 0 ? p.min : nan,
        p.finite > 0 ? valueAt(at, 0.5) : nan, p.finite > 0 ? p.max : nan, p.zeros, p.nan, p.inf,
        quantiles, 0, new Histogram(HistogramType.STANDARD, standard),
        new Histogram(HistogramType.QUANTILES, byQuantile));
    return new Statistics.Feature(p.name, type, p.count, rows - p.count, summary, null);
  }

  private static double valueAt(double[] at, double q) {
    int k = StatisticsCalculator.QUANTILES.indexOf(q);
    if (k < 0) {
      // q = i/10 computed as a division may differ from the listed literal in the last bit.
      for (int j = 0; j < at.length; j++) {
        if (Math.abs(StatisticsCalculator.QUANTILES.get(j) - q) < 1e-12) {
          return at[j];
        }
      }
      throw new IllegalStateException("quantile " + q + " is not computed");
    }
    return at[k];
  }

  private List<List<Bucket>> standardHistograms(String rel, List<Partial> partials,
      Map<Integer, QuantileSelection> selections) {
    int buckets = StatisticsCalculator.HISTOGRAM_BUCKETS;
    List<List<Bucket>> out = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT 0");
    List<Integer> queried = new ArrayList<>();
    for (int c = 0; c < partials.size(); c++) {
      Partial p = partials.get(c);
      out.add(List.of());
      if (p.string || p.finite == 0) {
        continue;
      }
      if (p.min == p.max) {
        out.set(c, List.of(new Bucket(p.min, p.max, p.finite)));
        continue;
      }
      String x = "CAST(" + ident(p.name) + " AS DOUBLE)";
      double width = (p.max - p.min) / buckets;
      sql.append(", CAST(histogram(CASE WHEN isfinite(").append(x).append(") THEN least(")
          .append(buckets - 1).append(", CAST(floor((").append(x).append(" - ").append(dbl(p.min))
          .append(") / ").append(dbl(width)).append(") AS INTEGER)) END) AS VARCHAR)");
      queried.add(c);
    }
    for (QuantileSelection selection : selections.values()) {
      sql.append(", ").append(selection.countSql());
    }
    if (queried.isEmpty() && selections.isEmpty()) {
      return out;
    }
    sql.append(" FROM ").append(rel);
    try (Statement s = engine.connection().createStatement(); ResultSet r = s.executeQuery(sql.toString())) {
      r.next();
      for (int k = 0; k < queried.size(); k++) {
        int c = queried.get(k);
        Partial p = partials.get(c);
        double[] counts = new double[buckets];
        Matcher m = MAP_ENTRY.matcher(String.valueOf(r.getString(k + 2)));
        while (m.find()) {
          counts[Integer.parseInt(m.group(1))] += Long.parseLong(m.group(2));
        }
        double width = (p.max - p.min) / buckets;
        List<Bucket> list = new ArrayList<>(buckets);
        for (int b = 0; b < buckets; b++) {
          list.add(new Bucket(p.min + b * width, b == buckets - 1 ? p.max : p.min + (b + 1) * width, counts[b]));
        }
        out.set(c, list);
      }
      int k = queried.size() + 2;
      for (QuantileSelection selection : selections.values()) {
        selection.counts(r.getString(k++));
      }
    } catch (SQLException e) {
      throw new InvalidInputException("histogram query failed: " + EngineErrors.firstLine(e.getMessage()), e);
    }
    return out;
  }

  private Statistics.Feature stringFeature(String rel, long rows, Partial p) {
    if (p.count == 0) {
      return new Statistics.Feature(p.name, FeatureType.STRING, 0, rows, null,
          new StringSummary(0, List.of(), List.of(), 0, 0));
    }
    String v = "CAST(" + ident(p.name) + " AS VARCHAR)";
    List<ValueCount> ranked = new ArrayList<>();
    long distinct = 0;
    try (Statement s = engine.connection().createStatement();
        ResultSet r = s.executeQuery("SELECT v, c, count(*) OVER () FROM (SELECT " + v + " AS v,"
            + " count(*) AS c FROM " + rel + " WHERE " + v + " IS NOT NULL GROUP BY v)"
            + " ORDER BY c DESC, v LIMIT " + StatisticsCalculator.RANK_HISTOGRAM_VALUES)) {
      while (r.next()) {
        ranked.add(new ValueCount(r.getString(1), r.getLong(2)));
        distinct = r.getLong(3);
      }
    } catch (SQLException e) {
      throw new InvalidInputException("value count query failed: " + EngineErrors.firstLine(e.getMessage()), e);
    }
    List<ValueCount> top = ranked.subList(0, Math.min(StatisticsCalculator.TOP_VALUES, ranked.size()));
    return new Statistics.Feature(p.name, FeatureType.STRING, p.count, rows - p.count, null,
        new StringSummary(distinct, List.copyOf(top), ranked, p.avgLength, 0));
  }

  /** A double as an exact DuckDB DOUBLE literal (a bare decimal literal would be DECIMAL). */
  static String dbl(double v) {
    return "CAST('" + v + "' AS DOUBLE)";
  }

  private record Partial(String name, boolean string, long count, long distinct, double avgLength,
      long nan, long inf, long finite, double mean, double std, double min, double max, long zeros,
      Object[] quantiles, boolean integral) {}
}
