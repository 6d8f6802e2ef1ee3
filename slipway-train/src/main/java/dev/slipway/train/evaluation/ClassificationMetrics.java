package dev.slipway.train.evaluation;

import dev.slipway.core.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classification metrics, defined as scikit-learn 1.2 defines them and tested against its output
 * ({@code src/test/resources/reference/evaluation_reference.py}).
 *
 * <p>A row's predicted class is the argmax of its probabilities (ties go to the lower index).
 * Two classes ({@link #binary}): {@code accuracy}, {@code balanced_accuracy}, {@code precision},
 * {@code recall}, {@code f1} of the positive class (0 when undefined), {@code roc_auc} (ties count
 * one half), {@code pr_auc} (average precision, as {@code average_precision_score}), {@code
 * log_loss} (nats; probabilities clipped to [1e-15, 1 - 1e-15] and renormalised), {@code brier}.
 * ROC and PR AUC are absent when the truth holds one class only, as they are undefined there.
 * More classes ({@link #multiclass}): {@code accuracy}, {@code balanced_accuracy}, {@code
 * f1_macro}, {@code f1_micro}, {@code f1_weighted}, {@code top_2_accuracy} (three or more
 * classes), {@code log_loss}.
 *
 * <p>Pure functions; thread-safe. Returned maps iterate in the order listed above.
 */
public final class ClassificationMetrics {
  private ClassificationMetrics() {}

  /** scikit-learn's clipping bound for log loss. */
  static final double EPS = 1e-15;

  /** Number of equal-width bins of the calibration curve. */
  public static final int CALIBRATION_BINS = 10;

  /**
   * Binary metrics.
   *
   * @param truth per row, the true class index (0 or 1)
   * @param probabilities per row, two probabilities
   * @param positiveClass 0 or 1
   * @throws InvalidInputException when the shapes disagree or an index is out of range
   */
  public static Map<String, Double> binary(int[] truth, double[][] probabilities, int positiveClass) {
    int[] predicted = predicted(truth, probabilities, 2);
    if (positiveClass != 0 && positiveClass != 1) {
      throw new InvalidInputException("positive class index " + positiveClass + " is not 0 or 1");
    }
    boolean[] positive = new boolean[truth.length];
    double[] scores = new double[truth.length];
    for (int r = 0; r < truth.length; r++) {
      positive[r] = truth[r] == positiveClass;
      scores[r] = probabilities[r][positiveClass];
    }
    long[][] confusion = confusionMatrix(truth, predicted, 2);
    int neg = 1 - positiveClass;
    ConfusionCounts counts =
        new ConfusionCounts(
            0.5,
            confusion[positiveClass][positiveClass],
            confusion[neg][positiveClass],
            confusion[neg][neg],
            confusion[positiveClass][neg]);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("accuracy", accuracy(truth, predicted));
    out.put("balanced_accuracy", balancedAccuracy(confusion));
    out.put("precision", counts.precision());
    out.put("recall", counts.truePositiveRate());
    out.put("f1", counts.f1());
    double auc = rocAuc(positive, scores);
    if (!Double.isNaN(auc)) {
      out.put("roc_auc", auc);
      out.put("pr_auc", averagePrecision(positive, scores));
    }
    out.put("log_loss", logLoss(truth, probabilities));
    out.put("brier", brier(positive, scores));
    return out;
  }

  /**
   * Metrics for any number of classes (at least two columns).
   *
   * @throws InvalidInputException when the shapes disagree or an index is out of range
   */
  public static Map<String, Double> multiclass(int[] truth, double[][] probabilities) {
    int k = probabilities.length == 0 ? 0 : probabilities[0].length;
    int[] predicted = predicted(truth, probabilities, k);
    long[][] confusion = confusionMatrix(truth, predicted, k);
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("accuracy", accuracy(truth, predicted));
    out.put("balanced_accuracy", balancedAccuracy(confusion));
    out.put("f1_macro", f1(confusion, Average.MACRO));
    out.put("f1_micro", f1(confusion, Average.MICRO));
    out.put("f1_weighted", f1(confusion, Average.WEIGHTED));
    if (k > 2) {
      out.put("top_2_accuracy", topKAccuracy(truth, probabilities, 2));
    }
    out.put("log_loss", logLoss(truth, probabilities));
    return out;
  }

  /**
   * The argmax class of each row, after checking shapes.
   *
   * @throws InvalidInputException when there are no rows, the lengths disagree, a row has another
   *     width than {@code k}, or a label index is out of range
   */
  public static int[] predicted(int[] truth, double[][] probabilities, int k) {
    int n = truth.length;
    if (n == 0 || probabilities.length != n) {
      throw new InvalidInputException(
          "metrics need one probability row per label and at least one row; got "
              + n + " labels and " + probabilities.length + " rows");
    }
    int[] out = new int[n];
    for (int r = 0; r < n; r++) {
      if (probabilities[r].length != k || truth[r] < 0 || truth[r] >= k) {
        throw new InvalidInputException(
            "row " + r + " has label index " + truth[r] + " and " + probabilities[r].length
                + " probabilities; expected an index below " + k + " and " + k + " probabilities");
      }
      out[r] = argmax(probabilities[r]);
    }
    return out;
  }

  /** Rows are true classes, columns predicted classes, as {@code sklearn.metrics.confusion_matrix}. */
  public static long[][] confusionMatrix(int[] truth, int[] predicted, int k) {
    long[][] m = new long[k][k];
    for (int i = 0; i < truth.length; i++) {
      m[truth[i]][predicted[i]]++;
    }
    return m;
  }

  /**
   * The ROC curve at every distinct score, as {@code roc_curve(drop_intermediate=False)}: x is the
   * false positive rate, y the true positive rate, starting at (0, 0).
   */
  public static Curve roc(boolean[] positive, double[] scores) {
    Cumulative c = Cumulative.of(positive, scores);
    int m = c.tps.length;
    double[] fpr = new double[m + 1];
    double[] tpr = new double[m + 1];
    for (int i = 0; i < m; i++) {
      fpr[i + 1] = c.fps[m - 1] == 0 ? Double.NaN : (double) c.fps[i] / c.fps[m - 1];
      tpr[i + 1] = c.tps[m - 1] == 0 ? Double.NaN : (double) c.tps[i] / c.tps[m - 1];
    }
    return new Curve(fpr, tpr);
  }

  /**
   * The precision-recall curve as {@code precision_recall_curve}: x is recall (falling), y is
   * precision, ending at (0, 1).
   */
  public static Curve precisionRecall(boolean[] positive, double[] scores) {
    Cumulative c = Cumulative.of(positive, scores);
    int m = c.tps.length;
    double[] recall = new double[m + 1];
    double[] precision = new double[m + 1];
    long allPositives = c.tps[m - 1];
    for (int i = 0; i < m; i++) {
      int j = m - 1 - i; // sklearn lists thresholds ascending, i.e. cumulative counts backwards
      precision[i] = (double) c.tps[j] / (c.tps[j] + c.fps[j]);
      recall[i] = allPositives == 0 ? Double.NaN : (double) c.tps[j] / allPositives;
    }
    precision[m] = 1.0;
    recall[m] = 0.0;
    return new Curve(recall, precision);
  }

  /**
   * Average precision, {@code sum_n (R_n - R_{n-1}) P_n} over the distinct scores, as {@code
   * average_precision_score}; NaN without positives.
   */
  public static double averagePrecision(boolean[] positive, double[] scores) {
    Curve pr = precisionRecall(positive, scores);
    double sum = 0;
    for (int i = 0; i < pr.size() - 1; i++) {
      sum -= (pr.x()[i + 1] - pr.x()[i]) * pr.y()[i];
    }
    return sum;
  }

  /**
   * The reliability curve as {@code calibration_curve(n_bins=10, strategy='uniform')}: for each
   * non-empty bin of [0, 1] (a score equal to an inner edge falls in the lower bin), x is the mean
   * score and y the fraction of positives.
   */
  public static Curve calibration(boolean[] positive, double[] scores) {
    int bins = CALIBRATION_BINS;
    double step = 1.0 / bins; // numpy.linspace(0, 1, 11) computes edge i as i * step
    double[] sums = new double[bins];
    double[] trues = new double[bins];
    long[] totals = new long[bins];
    for (int i = 0; i < scores.length; i++) {
      int bin = 0;
      while (bin < bins - 1 && (bin + 1) * step < scores[i]) {
        bin++;
      }
      sums[bin] += scores[i];
      trues[bin] += positive[i] ? 1 : 0;
      totals[bin]++;
    }
    int used = (int) Arrays.stream(totals).filter(t -> t > 0).count();
    double[] x = new double[used];
    double[] y = new double[used];
    for (int b = 0, j = 0; b < bins; b++) {
      if (totals[b] > 0) {
        x[j] = sums[b] / totals[b];
        y[j++] = trues[b] / totals[b];
      }
    }
    return new Curve(x, y);
  }

  /** Area under the ROC curve as the Mann-Whitney statistic with mid-ranks; NaN with one class. */
  public static double rocAuc(boolean[] positive, double[] scores) {
    int n = scores.length;
    Integer[] order = sortedIndexes(scores, false);
    double positiveRankSum = 0;
    long positives = 0;
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double midRank = (i + j) / 2.0 + 1; // ranks are 1-based
      for (int t = i; t <= j; t++) {
        if (positive[order[t]]) {
          positiveRankSum += midRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = n - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** Mean squared difference between the positive-class score and the 0/1 truth. */
  public static double brier(boolean[] positive, double[] scores) {
    double sum = 0;
    for (int i = 0; i < scores.length; i++) {
      double e = (positive[i] ? 1 : 0) - scores[i];
      sum += e * e;
    }
    return sum / scores.length;
  }

  /**
   * Fraction of rows whose true class is among the {@code k} highest scores. Ties rank the higher
   * class index first, as scikit-learn's reversed stable argsort does.
   */
  public static double topKAccuracy(int[] truth, double[][] probabilities, int k) {
    int hits = 0;
    for (int r = 0; r < truth.length; r++) {
      double own = probabilities[r][truth[r]];
      int higher = 0;
      for (int c = 0; c < probabilities[r].length; c++) {
        double p = probabilities[r][c];
        higher += p > own || (p == own && c > truth[r]) ? 1 : 0;
      }
      hits += higher < k ? 1 : 0;
    }
    return (double) hits / truth.length;
  }

  static int argmax(double[] row) {
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  private static double accuracy(int[] truth, int[] predicted) {
    int right = 0;
    for (int i = 0; i < truth.length; i++) {
      right += truth[i] == predicted[i] ? 1 : 0;
    }
    return (double) right / truth.length;
  }

  /** Mean per-class recall over the classes present in the truth. */
  private static double balancedAccuracy(long[][] confusion) {
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < confusion.length; c++) {
      long support = Arrays.stream(confusion[c]).sum();
      if (support > 0) {
        sum += (double) confusion[c][c] / support;
        classes++;
      }
    }
    return sum / classes;
  }

  private enum Average { MACRO, MICRO, WEIGHTED }

  /** F1 averaged over the classes present in truth or prediction, as {@code f1_score}. */
  private static double f1(long[][] confusion, Average average) {
    int k = confusion.length;
    long tpAll = 0, fpAll = 0, fnAll = 0, supportAll = 0;
    double sum = 0, weighted = 0;
    int classes = 0;
    for (int c = 0; c < k; c++) {
      long tp = confusion[c][c], support = 0, predictedCount = 0;
      for (int o = 0; o < k; o++) {
        support += confusion[c][o];
        predictedCount += confusion[o][c];
      }
      long fp = predictedCount - tp, fn = support - tp;
      tpAll += tp;
      fpAll += fp;
      fnAll += fn;
      supportAll += support;
      if (support + predictedCount > 0) {
        double f = 2.0 * tp / (2 * tp + fp + fn);
        sum += f;
        weighted += f * support;
        classes++;
      }
    }
    return switch (average) {
      case MACRO -> sum / classes;
      case WEIGHTED -> weighted / supportAll;
      case MICRO -> 2.0 * tpAll / (2 * tpAll + fpAll + fnAll);
    };
  }

  private static double logLoss(int[] truth, double[][] probabilities) {
    double total = 0;
    for (int r = 0; r < truth.length; r++) {
      double rowSum = 0;
      for (double p : probabilities[r]) {
        rowSum += clip(p);
      }
      total += Math.log(clip(probabilities[r][truth[r]]) / rowSum);
    }
    return -total / truth.length;
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPS), 1 - EPS);
  }

  private static Integer[] sortedIndexes(double[] scores, boolean descending) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> descending ? Double.compare(scores[b], scores[a]) : Double.compare(scores[a], scores[b]));
    return order;
  }

  /** True and false positives counted at each distinct score, highest score first. */
  private record Cumulative(long[] tps, long[] fps) {
    static Cumulative of(boolean[] positive, double[] scores) {
      Integer[] order = sortedIndexes(scores, true);
      long[] tps = new long[scores.length];
      long[] fps = new long[scores.length];
      int m = 0;
      long tp = 0, fp = 0;
      for (int i = 0; i < order.length; i++) {
        if (positive[order[i]]) tp++; else fp++;
        if (i + 1 == order.length || scores[order[i + 1]] != scores[order[i]]) {
          tps[m] = tp;
          fps[m++] = fp;
        }
      }
      return new Cumulative(Arrays.copyOf(tps, m), Arrays.copyOf(fps, m));
    }
  }
}
