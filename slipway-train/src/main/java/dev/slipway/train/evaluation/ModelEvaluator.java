package dev.slipway.train.evaluation;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Predictions;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.train.Labels;
import dev.slipway.train.ModelBundle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Evaluates a model bundle on labelled data: overall metrics, slices with Fairness-Indicators
 * rates and gaps, chart data and feature importance (TFMA's analysis, in process).
 *
 * <p>Design: the bundle predicts every row once; slices are row-index groups over those
 * predictions, so slicing costs no extra inference. Permutation importance does predict again,
 * once per feature and repeat. Stateless; thread-safe as far as the bundle is.
 */
public final class ModelEvaluator {
  private ModelEvaluator() {}

  /** The Fairness-Indicators rates reported per slice. */
  static final List<String> RATES = List.of("tpr", "fpr", "fnr", "precision");
  /** The decision threshold of the per-slice fairness rates. */
  static final double DECISION_THRESHOLD = 0.5;

  /**
   * Evaluates.
   *
   * @throws InvalidInputException when the label column is absent, a label is missing or unknown
   *     (naming the row), the labels hold a single class, or a slice column does not exist
   */
  public static EvaluationResult evaluate(ModelBundle bundle, Table data, EvaluationConfig config) {
    Column label = data.column(bundle.label());
    for (SliceSpec spec : config.slices()) {
      for (String c : spec.columns()) {
        if (data.find(c).isEmpty()) {
          throw new InvalidInputException(
              "slice column '" + c + "' is not in the evaluation data; the columns are "
                  + String.join(", ", data.names()));
        }
      }
    }
    Predictions predictions = bundle.predict(data.without(bundle.label()));
    Scorer scorer = Scorer.of(bundle, label, predictions);
    int[] all = java.util.stream.IntStream.range(0, data.rowCount()).toArray();
    Map<String, Double> overall = scorer.metrics(all);
    Map<String, Double> overallRates = scorer.binary() ? scorer.fairness(all) : Map.of();

    Map<String, SliceResult> slices = new LinkedHashMap<>();
    Map<String, Map<String, FairnessGap>> gaps = new TreeMap<>();
    for (SliceSpec spec : config.slices()) {
      Map<String, SliceResult> groups = new LinkedHashMap<>();
      groups(data, spec).forEach((name, rows) -> groups.put(name, scorer.slice(spec, rows, overallRates)));
      slices.putAll(groups);
      if (scorer.binary()) {
        gaps.put(spec.name(), gaps(groups.values(), overallRates));
      }
    }
    Map<String, Importance> permutation =
        config.importanceRepeats() > 0
            ? FeatureImportance.permutation(
                bundle, data, config.importanceRepeats(), config.importanceRows(), config.seed())
            : Map.of();
    return new EvaluationResult(
        EvaluationResult.FORMAT_VERSION,
        bundle.task().name().toLowerCase(Locale.ROOT),
        bundle.label(),
        bundle.classes(),
        bundle.positiveClass(),
        data.rowCount(),
        overall,
        slices,
        gaps,
        scorer.plots(config.thresholds()),
        permutation,
        FeatureImportance.gain(bundle),
        null);
  }

  /** Row indexes per slice name, slices in order of first appearance. */
  static Map<String, int[]> groups(Table data, SliceSpec spec) {
    List<Column> columns = spec.columns().stream().map(data::column).toList();
    Map<String, List<Integer>> rows = new TreeMap<>();
    for (int r = 0; r < data.rowCount(); r++) {
      StringBuilder name = new StringBuilder();
      for (Column c : columns) {
        String v = c.text(r);
        name.append(name.isEmpty() ? "" : ", ").append(c.name()).append('=').append(v == null ? SliceSpec.MISSING : v);
      }
      rows.computeIfAbsent(name.toString(), k -> new ArrayList<>()).add(r);
    }
    Map<String, int[]> out = new LinkedHashMap<>();
    rows.forEach((k, v) -> out.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  private static Map<String, FairnessGap> gaps(Iterable<SliceResult> groups, Map<String, Double> overall) {
    Map<String, FairnessGap> out = new TreeMap<>();
    for (String rate : RATES) {
      double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, worst = 0;
      for (SliceResult g : groups) {
        double v = g.fairness().get(rate);
        min = Math.min(min, v);
        max = Math.max(max, v);
        worst = Math.max(worst, Math.abs(v - overall.get(rate)));
      }
      out.put(rate, new FairnessGap(min, max, max - min, overall.get(rate), worst));
    }
    return out;
  }

  /** Truth and predictions of every row, with metrics over any subset of rows. */
  private record Scorer(Task task, int classes, int positive, int[] truth, double[][] probabilities, double[] values, double[] predicted) {

    static Scorer of(ModelBundle bundle, Column label, Predictions p) {
      if (bundle.task() == Task.REGRESSION) {
        return new Scorer(Task.REGRESSION, 0, -1, null, null, Labels.regression(label).values(), p.values());
      }
      Labels truth = Labels.classification(label, bundle.classes());
      long distinct = java.util.Arrays.stream(truth.classIndex()).distinct().count();
      if (distinct < 2) {
        throw new InvalidInputException(
            "label column '" + label.name() + "' holds a single class ('"
                + bundle.classes().get(truth.classIndex().length == 0 ? 0 : truth.classIndex()[0])
                + "') in the " + truth.size() + " evaluation rows; metrics such as ROC AUC and"
                + " balanced accuracy need at least two classes, so evaluate on data holding both");
      }
      return new Scorer(Task.CLASSIFICATION, bundle.classes().size(),
          bundle.classes().indexOf(bundle.positiveClass()), truth.classIndex(), p.probabilities(), null, null);
    }

    boolean binary() {
      return classes == 2;
    }

    Map<String, Double> metrics(int[] rows) {
      if (task == Task.REGRESSION) {
        return RegressionMetrics.of(pick(values, rows), pick(predicted, rows));
      }
      int[] t = new int[rows.length];
      double[][] p = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        t[i] = truth[rows[i]];
        p[i] = probabilities[rows[i]];
      }
      return binary() ? ClassificationMetrics.binary(t, p, positive) : ClassificationMetrics.multiclass(t, p);
    }

    Map<String, Double> fairness(int[] rows) {
      ConfusionCounts c = ConfusionCounts.at(positives(rows), scores(rows), DECISION_THRESHOLD);
      Map<String, Double> out = new LinkedHashMap<>();
      out.put("tpr", c.truePositiveRate());
      out.put("fpr", c.falsePositiveRate());
      out.put("fnr", c.falseNegativeRate());
      out.put("precision", c.precision());
      return out;
    }

    SliceResult slice(SliceSpec spec, int[] rows, Map<String, Double> overall) {
      Map<String, Double> fair = null;
      if (binary()) {
        fair = new LinkedHashMap<>(fairness(rows));
        for (String rate : RATES) {
          fair.put(rate + "_vs_overall", fair.get(rate) - overall.get(rate));
        }
      }
      return new SliceResult(spec.name(), rows.length, metrics(rows), fair);
    }

    Plots plots(List<Double> thresholds) {
      if (task == Task.REGRESSION) {
        return new Plots(null, null, null, null, null);
      }
      int[] predictedClass = new int[truth.length];
      for (int r = 0; r < truth.length; r++) {
        predictedClass[r] = ClassificationMetrics.argmax(probabilities[r]);
      }
      long[][] confusion = ClassificationMetrics.confusionMatrix(truth, predictedClass, classes);
      if (!binary()) {
        return new Plots(null, null, null, confusion, null);
      }
      int[] all = java.util.stream.IntStream.range(0, truth.length).toArray();
      boolean[] pos = positives(all);
      double[] s = scores(all);
      return new Plots(
          ClassificationMetrics.roc(pos, s),
          ClassificationMetrics.precisionRecall(pos, s),
          ClassificationMetrics.calibration(pos, s),
          confusion,
          thresholds.stream().map(t -> ConfusionCounts.at(pos, s, t)).toList());
    }

    private boolean[] positives(int[] rows) {
      boolean[] out = new boolean[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = truth[rows[i]] == positive;
      }
      return out;
    }

    private double[] scores(int[] rows) {
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = probabilities[rows[i]][positive];
      }
      return out;
    }

    private static double[] pick(double[] source, int[] rows) {
      double[] out = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        out[i] = source[rows[i]];
      }
      return out;
    }
  }
}
