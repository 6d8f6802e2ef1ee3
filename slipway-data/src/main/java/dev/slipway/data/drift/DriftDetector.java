package dev.slipway.data.drift;

import dev.slipway.core.Anomalies;
import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Column;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaInference;
import dev.slipway.data.StatisticsCalculator;
import dev.slipway.data.drift.FeatureDrift.Kind;
import dev.slipway.data.drift.SignificanceTests.Result;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Compares a current dataset with a baseline, feature by feature, and reports what moved beyond
 * the schema's thresholds (or the {@link Limits#DEFAULTS defaults}).
 *
 * <p>Per feature kind ({@link Kind}):
 *
 * <ul>
 *   <li>numbers (and ISO dates, and the lengths of free text, when raw values are given): TFDV's
 *       approximate Jensen–Shannon divergence on STANDARD histograms re-bucketed onto shared bins
 *       ({@link Binned}), PSI on the same bins, and the two-sample KS test on raw values;
 *   <li>categorical strings (a domain in the schema, or at most {@value
 *       SchemaInference#DEFAULT_MAX_DOMAIN_SIZE} distinct values in both datasets): L-infinity on
 *       the value shares of the rank histograms (TFDV), PSI, and the chi-squared test on counts.
 *       JS is measured but flags only when the schema sets its threshold, as in TFDV.
 * </ul>
 *
 * <p>PSI is always measured but flags only when the schema sets {@code psi}: on TFDV's shared
 * bins (the union of both histograms' boundaries, often 20 narrow bins) it runs higher than on
 * the ten baseline deciles its conventional limits (0.1, 0.25) assume; on Seattle's odd vs even
 * days it measured 0.33 for precipitation where KS gave p = 0.96. Free text is compared by value
 * length and ISO dates by day number, both on QUANTILES histograms (TFDV's outlier-robust choice).
 *
 * <p>Codes raised: TFDV's {@value #L_INFTY_HIGH} and {@value #JS_HIGH}; Slipway's {@value
 * #PSI_HIGH}, {@value #KS_LOW_P}, {@value #CHI2_LOW_P}; for the label (a feature with {@code
 * not_in_environment: [SERVING]}) {@value #CLASS_BALANCE_SHIFT} in place of the L-infinity code
 * and the label's other codes; {@value #MISSING_RATE_RISE} when the share of missing values rose
 * by more than {@value #MISSING_RATE_RISE_LIMIT} (Slipway's choice: neither TFDV nor the research
 * notes give a default). P-value tests flag only when the baseline has at most {@value
 * #SMALL_SAMPLE_ROWS} rows (Evidently's switch, because p-values flag nearly everything on large
 * samples: evidently issue #50), at the level divided by the number of tests run (Bonferroni, as
 * alibi-detect). Stateless and thread-safe.
 */
public final class DriftDetector {
  public static final String L_INFTY_HIGH = "COMPARATOR_L_INFTY_HIGH";
  public static final String JS_HIGH = "COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH";
  public static final String PSI_HIGH = "COMPARATOR_PSI_HIGH";
  public static final String KS_LOW_P = "COMPARATOR_KS_LOW_P_VALUE";
  public static final String CHI2_LOW_P = "COMPARATOR_CHI_SQUARED_LOW_P_VALUE";
  public static final String CLASS_BALANCE_SHIFT = "CLASS_BALANCE_SHIFT";
  public static final String MISSING_RATE_RISE = "MISSING_RATE_RISE";

  /** Largest baseline for which p-value tests flag (Evidently's size switch). */
  public static final int SMALL_SAMPLE_ROWS = 1000;

  /** Largest tolerated rise of a feature's missing share (absolute). */
  public static final double MISSING_RATE_RISE_LIMIT = 0.05;

  /** Share of values that must parse as ISO dates for free text to be compared as dates. */
  static final double DATE_SHARE = 0.9;

  private static final Pattern ISO_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}.*", Pattern.DOTALL);

  private DriftDetector() {}

  /** Compares two tables: every measure, KS and text/date features included. */
  public static DriftReport compare(Table baseline, Table current, Schema schema, Comparison comparison) {
    Objects.requireNonNull(baseline, "baseline");
    Objects.requireNonNull(current, "current");
    return compare(
        new Sides(StatisticsCalculator.compute(baseline), baseline),
        new Sides(StatisticsCalculator.compute(current), current),
        schema,
        comparison);
  }

  /**
   * Compares two datasets by their statistics alone: distances and chi-squared, no KS (it needs
   * raw values), free text not compared.
   */
  public static DriftReport compare(
      Statistics baseline, Statistics current, Schema schema, Comparison comparison) {
    return compare(new Sides(baseline, null), new Sides(current, null), schema, comparison);
  }

  private record Sides(Statistics stats, Table table) {
    Column column(String name) {
      return table == null ? null : table.find(name).orElse(null);
    }
  }

  private static DriftReport compare(Sides base, Sides cur, Schema schema, Comparison comparison) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(comparison, "comparison");
    Schema expected = comparison == Comparison.SKEW ? schema.inEnvironment(Schema.SERVING) : schema;
    List<Measured> measured = new ArrayList<>();
    List<Anomaly> found = new ArrayList<>();
    for (Schema.Feature f : expected.features()) {
      Statistics.Feature a = base.stats().feature(f.name()).orElse(null);
      Statistics.Feature b = cur.stats().feature(f.name()).orElse(null);
      if (a == null || b == null) {
        continue; // a missing column is the schema validator's to report
      }
      missingRate(f, a, base.stats().rows(), b, cur.stats().rows(), found);
      measured.add(measure(f, a, base.column(f.name()), b, cur.column(f.name()), comparison));
    }
    int tests = (int) measured.stream().filter(m -> m.pTest() != null).count();
    boolean small = base.stats().rows() <= SMALL_SAMPLE_ROWS;
    List<FeatureDrift> features = new ArrayList<>();
    for (Measured m : measured) {
      features.add(m.judge(tests, small, comparison, found));
    }
    return new DriftReport(
        comparison, base.stats().rows(), cur.stats().rows(), tests, features, new Anomalies(found));
  }

  private static void missingRate(
      Schema.Feature f, Statistics.Feature a, long rowsA, Statistics.Feature b, long rowsB, List<Anomaly> found) {
    if (rowsA == 0 || rowsB == 0) {
      return;
    }
    double before = (double) a.missing() / rowsA;
    double after = (double) b.missing() / rowsB;
    if (after - before > MISSING_RATE_RISE_LIMIT) {
      found.add(new Anomaly(MISSING_RATE_RISE, f.name(), String.format(Locale.ROOT,
          "feature '%s' is missing in %.1f%% of rows, up from %.1f%% in the baseline (limit: +%.0f points)",
          f.name(), 100 * after, 100 * before, 100 * MISSING_RATE_RISE_LIMIT)));
    }
  }

  private static Measured measure(
      Schema.Feature f, Statistics.Feature a, Column colA, Statistics.Feature b, Column colB, Comparison comparison) {
    Limits limits = Limits.of(comparison.of(f));
    boolean label = !f.isIn(Schema.SERVING);
    if (f.type().isNumeric() && a.numeric() != null && b.numeric() != null) {
      double[] rawA = colA instanceof NumericColumn n ? n.values() : null;
      double[] rawB = colB instanceof NumericColumn n ? n.values() : null;
      Binned bins = Binned.histograms(
          a.numeric().standardHistogram(), a.numeric().nan(), b.numeric().standardHistogram(), b.numeric().nan());
      return new Measured(f, Kind.NUMERIC, bins, rawA, rawB, limits, label, false, psi(comparison, f));
    }
    if (a.strings() == null || b.strings() == null) {
      return new Measured(f, Kind.NOT_COMPARED, null, null, null, limits, label, false, psi(comparison, f));
    }
    int enumLimit = SchemaInference.DEFAULT_MAX_DOMAIN_SIZE;
    if (f.domain() != null || (a.strings().distinct() <= enumLimit && b.strings().distinct() <= enumLimit)) {
      Binned bins = Binned.categories(
          a.strings().rankHistogram(), other(a), b.strings().rankHistogram(), other(b));
      return new Measured(f, Kind.CATEGORICAL, bins, null, null, limits, label,
          comparison.of(f) != null && comparison.of(f).jensenShannonDivergence() != null, psi(comparison, f));
    }
    if (colA == null || colB == null) {
      return new Measured(f, Kind.NOT_COMPARED, null, null, null, limits, label, false, psi(comparison, f));
    }
    boolean dates = dateShare(colA) >= DATE_SHARE;
    double[] rawA = dates ? epochDays(colA) : lengths(colA);
    double[] rawB = dates ? epochDays(colB) : lengths(colB);
    Statistics.NumericSummary sa = summary(f.name(), rawA);
    Statistics.NumericSummary sb = summary(f.name(), rawB);
    if (sa == null || sb == null) {
      return new Measured(f, Kind.NOT_COMPARED, null, null, null, limits, label, false, psi(comparison, f));
    }
    // Lengths and dates are skewed (a few 170 kB bodies, a few 1980 dates): TFDV's QUANTILES
    // histograms, "more robust to outliers", keep equal-width buckets from piling everything in one.
    Binned bins = Binned.histograms(sa.quantilesHistogram(), 0, sb.quantilesHistogram(), 0);
    // Lengths are small integers with many ties, which zero-width quantile buckets turn into
    // point masses: JS then overstates the change (subject lengths of spam-1 vs spam-2: JS 0.11,
    // KS p = 0.94), so text lengths are judged by KS unless the schema sets a JS threshold.
    boolean judgeJs = dates || (comparison.of(f) != null && comparison.of(f).jensenShannonDivergence() != null);
    return new Measured(f, dates ? Kind.DATE : Kind.TEXT_LENGTH, bins, rawA, rawB, limits, label, judgeJs, psi(comparison, f));
  }

  private static boolean psi(Comparison comparison, Schema.Feature f) {
    return comparison.of(f) != null && comparison.of(f).psi() != null;
  }

  private static long other(Statistics.Feature f) {
    return f.count() - f.strings().rankHistogram().stream().mapToLong(ValueCount::count).sum();
  }

  private static Statistics.NumericSummary summary(String name, double[] values) {
    return StatisticsCalculator.compute(new Table(List.of(new NumericColumn(name, values))))
        .features().get(0).numeric();
  }

  private static double dateShare(Column column) {
    int present = 0;
    int dates = 0;
    for (int row = 0; row < column.size(); row++) {
      if (!column.isMissing(row)) {
        present++;
        dates += Double.isNaN(epochDay(column.text(row))) ? 0 : 1;
      }
    }
    return present == 0 ? 0 : (double) dates / present;
  }

  /** Days since 1970-01-01 of a value starting with an ISO date, else NaN. */
  static double epochDay(String text) {
    if (text == null || !ISO_DATE.matcher(text).matches()) {
      return Double.NaN;
    }
    try {
      return LocalDate.parse(text.substring(0, 10)).toEpochDay();
    } catch (DateTimeParseException e) {
      return Double.NaN; // e.g. 2002-02-30: not a date, so not compared as one
    }
  }

  private static double[] epochDays(Column column) {
    double[] out = new double[column.size()];
    for (int row = 0; row < out.length; row++) {
      out[row] = column.isMissing(row) ? Double.NaN : epochDay(column.text(row));
    }
    return out;
  }

  private static double[] lengths(Column column) {
    double[] out = new double[column.size()];
    for (int row = 0; row < out.length; row++) {
      out[row] = column.isMissing(row) ? Double.NaN
          : column instanceof StringColumn s ? s.get(row).length() : column.text(row).length();
    }
    return out;
  }

  /** One feature's measures before the Bonferroni divisor is known. */
  private record Measured(
      Schema.Feature feature, Kind kind, Binned bins, double[] rawA, double[] rawB, Limits limits,
      boolean label, boolean judgeJs, boolean psiSet) {

    Result pTest() {
      if (kind == Kind.CATEGORICAL) {
        return SignificanceTests.chiSquared(bins.baseline(), bins.current());
      }
      if (rawA == null || rawB == null || !hasValue(rawA) || !hasValue(rawB)) {
        return null;
      }
      return SignificanceTests.kolmogorovSmirnov(rawA, rawB);
    }

    FeatureDrift judge(int tests, boolean small, Comparison comparison, List<Anomaly> found) {
      String name = feature.name();
      if (kind == Kind.NOT_COMPARED) {
        return new FeatureDrift(name, kind, null, null, null, null, null, null, limits, List.of());
      }
      boolean categorical = kind == Kind.CATEGORICAL;
      Double linf = categorical ? bins.infinityNorm() : null;
      double js = bins.jensenShannonDivergence();
      double psi = bins.psi();
      Result p = pTest();
      List<Anomaly> own = new ArrayList<>();
      String noun = comparison.noun();
      String what = kind == Kind.DATE ? " (as dates)" : kind == Kind.TEXT_LENGTH ? " (text length)" : "";
      if (categorical && linf > limits.infinityNorm()) {
        own.add(label
            ? new Anomaly(CLASS_BALANCE_SHIFT, name, classBalance(linf))
            : anomaly(L_INFTY_HIGH, "L-infinity distance", linf, limits.infinityNorm(), noun, what));
      }
      boolean jsCounts = kind == Kind.NUMERIC || judgeJs;
      if (jsCounts && js > limits.jensenShannonDivergence()) {
        own.add(anomaly(JS_HIGH, "approximate Jensen-Shannon divergence", js,
            limits.jensenShannonDivergence(), noun, what));
      }
      if (psiSet && psi > limits.psi()) {
        own.add(anomaly(PSI_HIGH, "PSI", psi, limits.psi(), noun, what));
      }
      double level = limits.pValue() / Math.max(1, tests);
      if (small && p != null && p.pValue() < level) {
        String test = categorical ? "chi-squared" : "Kolmogorov-Smirnov";
        own.add(new Anomaly(categorical ? CHI2_LOW_P : KS_LOW_P, name, String.format(Locale.ROOT,
            "feature '%s'%s shows %s: %s p-value %.3g < %.3g (%.3g / %d tests, Bonferroni); statistic %.4f",
            name, what, noun, test, p.pValue(), level, limits.pValue(), tests, p.statistic())));
      }
      if (label && own.stream().anyMatch(x -> x.code().equals(CLASS_BALANCE_SHIFT))) {
        own.removeIf(x -> !x.code().equals(CLASS_BALANCE_SHIFT));
      }
      found.addAll(own);
      return new FeatureDrift(name, kind, bins, linf, js, psi,
          kind == Kind.CATEGORICAL ? null : p, kind == Kind.CATEGORICAL ? p : null, limits,
          own.stream().map(Anomaly::code).toList());
    }

    private Anomaly anomaly(String code, String measure, double value, double limit, String noun, String what) {
      return new Anomaly(code, feature.name(), String.format(Locale.ROOT,
          "feature '%s'%s shows %s: %s %.4f > threshold %.4g",
          feature.name(), what, noun, measure, value, limit));
    }

    private String classBalance(double linf) {
      double[] p = bins.baselineShares();
      double[] q = bins.currentShares();
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < p.length; i++) {
        parts.add(String.format(Locale.ROOT, "%s %.1f%% -> %.1f%%", bins.labels().get(i), 100 * p[i], 100 * q[i]));
      }
      return String.format(Locale.ROOT,
          "class balance of label '%s' shifted: %s (L-infinity %.4f > threshold %.4g)",
          feature.name(), String.join(", ", parts), linf, limits.infinityNorm());
    }

    private static boolean hasValue(double[] values) {
      for (double v : values) {
        if (!Double.isNaN(v)) {
          return true;
        }
      }
      return false;
    }
  }
}
