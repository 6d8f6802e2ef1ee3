package dev.slipway.features;

import dev.slipway.core.Column;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Table;
import dev.slipway.features.TransformSpec.Op;
import dev.slipway.features.TransformSpec.Step;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits a {@link TransformSpec} on a training table: walks the steps in order, keeping for each
 * column the chain of rewrites ({@code impute}, {@code log}) seen so far, and fits one output
 * group per emitting step and column from the column as rewritten so far. Statistics are computed
 * on exactly the values the fitted group will see at apply time ({@link ColumnPrep#prepare}).
 */
final class SpecFitter {
  static final int MAX_CATEGORIES = 10_000;
  static final int MAX_TEXT_WIDTH = 20_000;

  private final Table train;
  private final Map<String, List<ColumnPrep>> chains = new HashMap<>();
  /** Columns rewritten by a step and not yet read by an emitting step → the rewriting step. */
  private final Map<String, Step> pendingRewrites = new LinkedHashMap<>();

  private SpecFitter(Table train) {
    this.train = train;
  }

  /** Checks a step's parameters without data (called when a spec is built). */
  static void check(Step step) {
    switch (step.op()) {
      case PIXELS -> {
        if (!step.has("columns_prefix")) {
          throw step.fail("parameter 'columns_prefix' is required, e.g. columns_prefix: pixel");
        }
        step.positive("scale", 255);
      }
      default -> step.columns();
    }
    switch (step.op()) {
      case IMPUTE -> {
        String strategy = strategy(step);
        if ("constant".equals(strategy) && !step.has("value")) {
          throw step.fail("strategy constant needs parameter 'value'");
        }
      }
      case LOG -> step.finite("offset", 1.0);
      case BUCKETIZE -> step.integer("buckets", 10, 2, 1000);
      case ONE_HOT, CROSS, ORDINAL -> {
        step.integer("max_categories", 50, 1, MAX_CATEGORIES);
        step.integer("min_frequency", 1, 1, Integer.MAX_VALUE);
        step.optionalStrings("categories");
        if (step.op() == Op.CROSS && step.columns().size() < 2) {
          throw step.fail("parameter 'columns' names one column; a cross needs at least two");
        }
      }
      case VOCABULARY -> {
        step.integer("top_k", 1000, 1, MAX_CATEGORIES);
        step.integer("min_frequency", 1, 1, Integer.MAX_VALUE);
      }
      case TEXT -> {
        step.choice("method", TextStep.TFIDF, TextStep.TFIDF, TextStep.HASHING);
        step.integer("max_tokens", 1000, 1, MAX_TEXT_WIDTH);
        step.integer("min_df", 1, 1, Integer.MAX_VALUE);
        step.integer("buckets", 1024, 1, MAX_TEXT_WIDTH);
        step.choice("norm", "l2", "l2", "none");
      }
      case DATE_PARTS -> {
        parts(step);
        invalidAsMissing(step);
      }
      default -> {}
    }
  }

  private static String strategy(Step step) {
    return step.choice("strategy", "mean", "mean", "median", "most_frequent", "constant");
  }

  private static boolean invalidAsMissing(Step step) {
    return step.choice("invalid", "error", "error", "missing").equals("missing");
  }

  private static List<String> parts(Step step) {
    List<String> parts = step.optionalStrings("parts");
    if (parts == null) {
      return List.of("day_of_week", "month");
    }
    for (String part : parts) {
      if (!DateStep.PARTS.contains(part)) {
        throw step.fail(
            "part '" + part + "' is not supported; expected one of " + String.join(", ", DateStep.PARTS));
      }
    }
    if (parts.isEmpty() || parts.stream().distinct().count() != parts.size()) {
      throw step.fail("parameter 'parts' must list distinct parts, at least one");
    }
    return parts;
  }

  static List<TransformGraph.Step> fit(Table train, TransformSpec spec) {
    SpecFitter fitter = new SpecFitter(train);
    List<TransformGraph.Step> out = new ArrayList<>();
    for (Step step : spec.steps()) {
      fitter.fitStep(step, out);
    }
    if (!fitter.pendingRewrites.isEmpty()) {
      Map.Entry<String, Step> e = fitter.pendingRewrites.entrySet().iterator().next();
      throw e.getValue()
          .fail(
              "column '"
                  + e.getKey()
                  + "' is rewritten but no later step outputs it; add e.g. {op: passthrough,"
                  + " columns: ["
                  + e.getKey()
                  + "]}");
    }
    if (out.isEmpty()) {
      throw spec.steps().getFirst().fail("the spec outputs nothing; add an output step");
    }
    return out;
  }

  private void fitStep(Step step, List<TransformGraph.Step> out) {
    if (step.op() == Op.PIXELS) {
      out.add(fitPixels(step));
      return;
    }
    List<String> columns = step.columns();
    for (String name : columns) {
      if (train.find(name).isEmpty()) {
        throw step.fail(
            "column '" + name + "' is not in the training data; the columns are "
                + String.join(", ", train.names()));
      }
    }
    if (step.op() == Op.CROSS) {
      columns.forEach(pendingRewrites::remove);
      out.add(fitCategories(step, columns, CategoryStep.ONE_HOT));
      return;
    }
    for (String name : columns) {
      if (step.op() == Op.IMPUTE || step.op() == Op.LOG) {
        rewrite(step, name);
        pendingRewrites.put(name, step);
        continue;
      }
      pendingRewrites.remove(name);
      out.add(fitOutput(step, name));
    }
  }

  private List<ColumnPrep> chain(String name) {
    return chains.getOrDefault(name, List.of());
  }

  private Column prepared(String name) {
    return ColumnPrep.prepare(train.column(name), chain(name));
  }

  private double[] presentNumbers(Step step, String name) {
    Column column = prepared(name);
    if (!(column instanceof NumericColumn)) {
      throw step.fail("column '" + name + "' holds text; " + step.op().yamlName() + " needs numbers");
    }
    double[] present =
        Arrays.stream(ColumnPrep.numbers(column)).filter(v -> !Double.isNaN(v)).toArray();
    if (present.length == 0) {
      throw step.fail(
          "column '" + name + "' has no value in the training data; impute it with strategy"
              + " constant first or drop it");
    }
    return present;
  }

  private void rewrite(Step step, String name) {
    List<ColumnPrep> chain = new ArrayList<>(chain(name));
    Column column = prepared(name);
    if (step.op() == Op.LOG) {
      double offset = step.finite("offset", 1.0);
      double[] x = presentNumbers(step, name);
      for (double v : x) {
        if (!(v + offset > 0)) {
          throw step.fail(
              "column '" + name + "' has " + v + "; log(x + " + offset + ") needs x > " + (-offset)
                  + "; raise 'offset'");
        }
      }
      chain.add(new ColumnPrep(ColumnPrep.LOG, offset, null));
    } else {
      String strategy = strategy(step);
      boolean numeric = column instanceof NumericColumn;
      if (!numeric && (strategy.equals("mean") || strategy.equals("median"))) {
        throw step.fail(
            "column '" + name + "' holds text; strategy " + strategy
                + " needs numbers (use most_frequent or constant)");
      }
      ColumnPrep prep =
          switch (strategy) {
            case "mean" -> numberFill(Stats.mean(presentNumbers(step, name)));
            case "median" -> numberFill(Stats.median(presentNumbers(step, name)));
            case "most_frequent" -> mostFrequent(step, column, numeric);
            default -> constant(step, name, numeric);
          };
      chain.add(prep);
    }
    chains.put(name, List.copyOf(chain));
  }

  private static ColumnPrep numberFill(double v) {
    return new ColumnPrep(ColumnPrep.IMPUTE, v, null);
  }

  private ColumnPrep mostFrequent(Step step, Column column, boolean numeric) {
    if (numeric) {
      Map<Double, Integer> counts = new TreeMap<>();
      for (double v : ColumnPrep.numbers(column)) {
        if (!Double.isNaN(v)) {
          counts.merge(v, 1, Integer::sum);
        }
      }
      // Ties go to the smallest value, as sklearn's SimpleImputer(strategy="most_frequent").
      return counts.entrySet().stream()
          .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(
              Map.Entry.<Double, Integer>comparingByKey().reversed()))
          .map(e -> numberFill(e.getKey()))
          .orElseThrow(() -> step.fail("column '" + column.name() + "' has no value to impute with"));
    }
    Map<String, Integer> counts = Stats.counts(column);
    return Stats.byFrequency(counts).stream()
        .findFirst()
        .map(v -> new ColumnPrep(ColumnPrep.IMPUTE, null, v))
        .orElseThrow(() -> step.fail("column '" + column.name() + "' has no value to impute with"));
  }

  private static ColumnPrep constant(Step step, String name, boolean numeric) {
    Object value = step.params().get("value");
    if (!numeric) {
      return new ColumnPrep(ColumnPrep.IMPUTE, null, value.toString());
    }
    if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
      throw step.fail(
          "parameter 'value' is '" + value + "' but column '" + name
              + "' holds numbers; give a finite number");
    }
    return numberFill(n.doubleValue());
  }

  private TransformGraph.Step fitOutput(Step step, String name) {
    return switch (step.op()) {
      case STANDARDIZE, MIN_MAX, PASSTHROUGH -> fitScale(step, name);
      case BUCKETIZE -> fitBuckets(step, name);
      case ONE_HOT -> fitCategories(step, List.of(name), CategoryStep.ONE_HOT);
      case ORDINAL, VOCABULARY -> fitCategories(step, List.of(name), CategoryStep.INDEX);
      case TEXT -> fitText(step, name);
      case DATE_PARTS -> fitDates(step, name);
      default -> throw new IllegalStateException(step.op().toString());
    };
  }

  private ScaleStep fitScale(Step step, String name) {
    double[] x = presentNumbers(step, name);
    double mean = Stats.mean(x);
    String op = step.op().yamlName();
    return switch (step.op()) {
      case STANDARDIZE -> {
        double std = Stats.populationStd(x, mean);
        yield new ScaleStep(op, name, chain(name), mean, mean, std == 0 ? 1 : std);
      }
      case MIN_MAX -> {
        double min = Arrays.stream(x).min().orElseThrow();
        double range = Arrays.stream(x).max().orElseThrow() - min;
        yield new ScaleStep(op, name, chain(name), mean, min, range == 0 ? 1 : range);
      }
      default -> new ScaleStep(op, name, chain(name), mean, 0, 1);
    };
  }

  private BucketStep fitBuckets(Step step, String name) {
    double[] sorted = presentNumbers(step, name).clone();
    Arrays.sort(sorted);
    int buckets = (int) step.integer("buckets", 10, 2, 1000);
    List<Double> boundaries = new ArrayList<>();
    for (int i = 1; i < buckets; i++) {
      double b = BucketStep.quantile(sorted, i / (double) buckets);
      if (boundaries.isEmpty() || b > boundaries.getLast()) {
        boundaries.add(b);
      }
    }
    return new BucketStep(name, chain(name), Stats.mean(sorted), boundaries);
  }

  private CategoryStep fitCategories(Step step, List<String> columns, String encoding) {
    List<List<ColumnPrep>> prepare = columns.stream().map(this::chain).toList();
    CategoryStep empty = new CategoryStep(columns, prepare, List.of(), List.of(), encoding);
    Map<String, Integer> counts = new HashMap<>();
    for (String key : empty.keys(train)) {
      if (key != null) {
        counts.merge(key, 1, Integer::sum);
      }
    }
    List<String> explicit = step.optionalStrings("categories");
    if (explicit != null) {
      return new CategoryStep(columns, prepare, explicit, List.of(), encoding);
    }
    boolean vocabulary = step.op() == Op.VOCABULARY;
    long max = step.integer(vocabulary ? "top_k" : "max_categories", vocabulary ? 1000 : 50, 1, MAX_CATEGORIES);
    long minFrequency = step.integer("min_frequency", 1, 1, Integer.MAX_VALUE);
    List<String> ranked = Stats.byFrequency(counts);
    List<String> kept =
        ranked.stream().filter(v -> counts.get(v) >= minFrequency).limit(max).toList();
    List<String> rare = new ArrayList<>(ranked);
    rare.removeAll(kept);
    rare.sort(Stats.CODE_POINT_ORDER);
    if (step.op() == Op.ORDINAL) {
      kept = kept.stream().sorted(Stats.CODE_POINT_ORDER).toList();
    }
    return new CategoryStep(columns, prepare, kept, rare, encoding);
  }

  private TextStep fitText(Step step, String name) {
    String method = step.choice("method", TextStep.TFIDF, TextStep.TFIDF, TextStep.HASHING);
    String norm = step.choice("norm", "l2", "l2", "none");
    if (!chain(name).isEmpty()) {
      throw step.fail("column '" + name + "' was rewritten by impute or log; text reads the raw column");
    }
    if (method.equals(TextStep.HASHING)) {
      int buckets = (int) step.integer("buckets", 1024, 1, MAX_TEXT_WIDTH);
      return new TextStep(name, method, List.of(), List.of(), buckets, norm);
    }
    Column column = train.column(name);
    Map<String, Integer> df = new HashMap<>();
    Map<String, Integer> total = new HashMap<>();
    for (int r = 0; r < column.size(); r++) {
      List<String> tokens = TextStep.tokenize(column.text(r));
      for (String token : tokens) {
        total.merge(token, 1, Integer::sum);
      }
      tokens.stream().distinct().forEach(t -> df.merge(t, 1, Integer::sum));
    }
    long minDf = step.integer("min_df", 1, 1, Integer.MAX_VALUE);
    long maxTokens = step.integer("max_tokens", 1000, 1, MAX_TEXT_WIDTH);
    Comparator<String> byTotal = Comparator.<String, Integer>comparing(total::get, Comparator.reverseOrder());
    List<String> tokens =
        total.keySet().stream()
            .filter(t -> df.get(t) >= minDf)
            .sorted(byTotal.thenComparing(Stats.CODE_POINT_ORDER))
            .limit(maxTokens)
            .sorted(Stats.CODE_POINT_ORDER)
            .toList();
    int n = column.size();
    List<Double> idf =
        tokens.stream().map(t -> Math.log((n + 1.0) / (df.get(t) + 1.0)) + 1).toList();
    return new TextStep(name, method, tokens, idf, 0, norm);
  }

  private DateStep fitDates(Step step, String name) {
    if (!chain(name).isEmpty()) {
      throw step.fail("column '" + name + "' was rewritten by impute or log; date_parts reads the raw column");
    }
    List<String> parts = parts(step);
    double[][] values;
    try {
      values = DateStep.values(train.column(name), parts, invalidAsMissing(step));
    } catch (dev.slipway.core.InvalidInputException e) {
      throw step.fail(e.getMessage());
    }
    List<Double> fills = new ArrayList<>();
    for (int p = 0; p < parts.size(); p++) {
      Map<Double, Integer> counts = new TreeMap<>();
      for (double[] row : values) {
        if (!Double.isNaN(row[p])) {
          counts.merge(row[p], 1, Integer::sum);
        }
      }
      fills.add(
          counts.entrySet().stream()
              .max(Map.Entry.<Double, Integer>comparingByValue().thenComparing(
                  Map.Entry.<Double, Integer>comparingByKey().reversed()))
              .map(Map.Entry::getKey)
              .orElseThrow(() -> step.fail("column '" + name + "' has no date in the training data")));
    }
    return new DateStep(name, parts, fills, invalidAsMissing(step));
  }

  private PixelStep fitPixels(Step step) {
    Object prefix = step.params().get("columns_prefix");
    List<String> columns = new ArrayList<>();
    for (Column c : train.columns()) {
      if (c.name().startsWith(prefix.toString())) {
        if (!(c instanceof NumericColumn)) {
          throw step.fail("column '" + c.name() + "' holds text; pixels must be numbers");
        }
        columns.add(c.name());
      }
    }
    if (columns.isEmpty()) {
      throw step.fail(
          "no column starts with '" + prefix + "'; the columns are " + String.join(", ", train.names()));
    }
    return new PixelStep(columns, step.positive("scale", 255));
  }
}
