package dev.slipway.data.engine;

import static dev.slipway.data.engine.DataEngine.ident;

import dev.slipway.data.StatisticsCalculator;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Exact type-7 quantiles of one large numeric column without sorting it: a selection in two
 * scans instead of the sort {@code quantile_cont} does.
 *
 * <p>Design: scan 1 (shared with the equal-width histogram pass) counts the finite values in
 * {@link #BINS} equal-width bins between min and max. Binning is monotone (IEEE subtraction and
 * division by a positive constant never reverse order), so the order statistic of rank r lies in
 * the bin where the cumulative count passes r, at a known position inside it. Scan 2 collects
 * and sorts only the values of the bins that hold a wanted rank (two ranks per quantile, ≤ 26
 * bins) and picks the positions. Both scans use the same SQL bin expression, so they agree bit
 * for bit. The result equals sorting the whole column; it is cheaper as long as the wanted bins
 * are small — in the worst case (one bin holding nearly every value, e.g. a single far outlier)
 * scan 2 sorts about as much as {@code quantile_cont} would, and is still exact.
 *
 * <p>Measured on the 10M-row benchmark file (bench/RESULTS.md): about 0.2 s per column for the
 * selection query, where {@code quantile_cont} took about 3.5 s per column.
 * Not thread-safe; one instance per column and statistics run.
 */
final class QuantileSelection {
  /** Bins of the counting pass: 2048 keeps the wanted bins near n / 2048 values each. */
  static final int BINS = 2048;

  private static final Pattern MAP_ENTRY = Pattern.compile("(-?\\d+)=(\\d+)");
  private final String x;
  private final long n;
  private final double min;
  private final double width;
  private final long[] counts = new long[BINS];
  private final List<Long> ranks = new ArrayList<>();

  /**
   * @param column the column's name
   * @param finite its number of finite values (> 0)
   * @param min the smallest finite value
   * @param max the largest finite value (> min)
   */
  QuantileSelection(String column, long finite, double min, double max) {
    this.x = "CAST(" + ident(column) + " AS DOUBLE)";
    this.n = finite;
    this.min = min;
    this.width = (max - min) / BINS;
  }

  /** Scan 1: an aggregate giving the bin counts as DuckDB's text form of a MAP. */
  String countSql() {
    return "CAST(histogram(" + bin() + ") AS VARCHAR)";
  }

  /** Reads scan 1's result. */
  void counts(String map) {
    Matcher m = MAP_ENTRY.matcher(String.valueOf(map));
    while (m.find()) {
      counts[Integer.parseInt(m.group(1))] += Long.parseLong(m.group(2));
    }
  }

  /**
   * Scan 2: a query over {@code rel} giving, as a list, the order statistics needed by {@link
   * StatisticsCalculator#QUANTILES} — the values at the ranks {@link #quantiles} reads. A query
   * per column with WHERE, not one with a FILTER per column: DuckDB evaluates each FILTER apart
   * (3x slower on the benchmark).
   */
  String selectSql(String rel) {
    long[] cumulative = new long[BINS + 1];
    for (int b = 0; b < BINS; b++) {
      cumulative[b + 1] = cumulative[b] + counts[b];
    }
    if (cumulative[BINS] != n) {
      throw new IllegalStateException("bin counts sum to " + cumulative[BINS] + ", not " + n);
    }
    TreeMap<Integer, Long> wanted = new TreeMap<>(); // bin -> values of the wanted bins before it
    List<long[]> rankBins = new ArrayList<>();
    for (double q : StatisticsCalculator.QUANTILES) {
      long lo = lowRank(q);
      for (long r : new long[] {lo, Math.min(lo + 1, n - 1)}) {
        int b = binOf(cumulative, r);
        wanted.put(b, 0L);
        rankBins.add(new long[] {r, b});
      }
    }
    long before = 0;
    for (Integer b : wanted.keySet()) {
      wanted.put(b, before);
      before += counts[b];
    }
    List<String> positions = new ArrayList<>();
    for (long[] rb : rankBins) {
      int b = (int) rb[1];
      positions.add(Long.toString(wanted.get(b) + rb[0] - cumulative[b] + 1)); // 1-based
      ranks.add(rb[0]);
    }
    String bins = wanted.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return "SELECT list_select(list_sort(list(" + x + ")), [" + String.join(", ", positions)
        + "]) FROM " + rel + " WHERE " + bin() + " IN (" + bins + ")";
  }

  /** Reads scan 2's result: the value at each of {@link StatisticsCalculator#QUANTILES}. */
  double[] quantiles(Object[] selected) {
    double[] out = new double[StatisticsCalculator.QUANTILES.size()];
    for (int k = 0; k < out.length; k++) {
      double q = StatisticsCalculator.QUANTILES.get(k);
      double lo = ((Number) selected[2 * k]).doubleValue();
      double hi = ((Number) selected[2 * k + 1]).doubleValue();
      double h = h(q);
      out[k] = ranks.get(2 * k) >= n - 1 ? hi : lo + (h - Math.floor(h)) * (hi - lo);
    }
    return out;
  }

  /** (n - 1) q, rounded when within 1e-9 of a whole number (as the in-memory calculator does). */
  private double h(double q) {
    double h = (n - 1) * q;
    return Math.abs(h - Math.rint(h)) < 1e-9 ? Math.rint(h) : h;
  }

  private long lowRank(double q) {
    return Math.min(n - 1, (long) Math.floor(h(q)));
  }

  private static int binOf(long[] cumulative, long rank) {
    int b = 0;
    while (cumulative[b + 1] <= rank) {
      b++;
    }
    return b;
  }

  /** The bin of a finite value, NULL for the rest (a FILTER would not stop the cast failing on NaN). */
  private String bin() {
    return "CASE WHEN isfinite(" + x + ") THEN least(" + (BINS - 1) + ", CAST(floor((" + x + " - "
        + SqlStatistics.dbl(min) + ") / " + SqlStatistics.dbl(width) + ") AS INTEGER)) END";
  }
}
