package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Evaluation metrics, defined as scikit-learn 1.2 defines them (and tested against its output).
 *
 * <p>Classification, two classes: {@code accuracy}; {@code precision}, {@code recall}, {@code f1}
 * of the positive class, where a row is predicted positive when the positive class has the highest
 * probability (ties go to the lower class index, as argmax does), and 0 when undefined (sklearn's
 * {@code zero_division} default); {@code roc_auc} from the positive-class probability, ties counted
 * as half (Mann-Whitney U, equal to the trapezoidal area), absent when the truth holds one class
 * only; {@code log_loss} in nats, with probabilities clipped to [1e-15, 1 - 1e-15] and each row
 * renormalised. More than two classes: {@code accuracy}, {@code log_loss} and {@code f1_macro}
 * (the unweighted mean of per-class F1 over the classes that occur in truth or prediction).
 *
 * <p>Regression: {@code rmse}, {@code mae}, {@code r2} (1 - SS_res / SS_tot; for constant truth,
 * 1 when the prediction is perfect and 0 otherwise, as sklearn's {@code force_finite}).
 *
 * <p>Pure functions; thread-safe. Maps iterate in the order listed above.
 */
public final class Metrics {
  private Metrics() {}

  /** sklearn's clipping bound for log loss. */
  static final double EPS = 1e-15;

  /**
   * Classification metrics.
   *
   * @param truth per row, the true class index
   * @param probabilities per row, one probability per class
   * @param positiveClass the class index that counts as positive (two classes); ignored otherwise
   * @throws InvalidInputException when the lengths disagree, there are no rows, or an index is out
   *     of range
   */
  public static Map<String, Double> classification(
      int[] truth, double[][] probabilities, int positiveClass) {
    int n = truth.length;
    if (n == 0 || probabilities.length != n) {
      throw new InvalidInputException(
          "metrics need one probability row per label and at least one row; got "
              + n
              + " labels and "
              + probabilities.length
              + " rows");
    }
    int k = probabilities[0].length;
    int[] predicted = new int[n];
    for (int r = 0; r < n; r++) {
      if (probabilities[r].length != k || truth[r] < 0 || truth[r] >= k) {
        throw new InvalidInputException(
            "row " + r + " has label index " + truth[r] + " and " + probabilities[r].length
                + " probabilities; expected an index below " + k + " and " + k + " probabilities");
      }
      predicted[r] = argmax(probabilities[r]);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("accuracy", accuracy(truth, predicted));
    if (k == 2) {
      if (positiveClass < 0 || positiveClass > 1) {
        throw new InvalidInputException(
            "positive class index " + positiveClass + " is not 0 or 1");
      }
      long tp = 0, fp = 0, fn = 0;
      for (int r = 0; r < n; r++) {
        boolean actual = truth[r] == positiveClass;
        boolean said = predicted[r] == positiveClass;
        tp += actual && said ? 1 : 0;
        fp += !actual && said ? 1 : 0;
        fn += actual && !said ? 1 : 0;
      }
      double precision = tp + fp == 0 ? 0.0 : (double) tp / (tp + fp);
      double recall = tp + fn == 0 ? 0.0 : (double) tp / (tp + fn);
      out.put("precision", precision);
      out.put("recall", recall);
      out.put("f1", precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall));
      double[] scores = new double[n];
      boolean[] positive = new boolean[n];
      for (int r = 0; r < n; r++) {
        scores[r] = probabilities[r][positiveClass];
        positive[r] = truth[r] == positiveClass;
      }
      double auc = rocAuc(positive, scores);
      if (!Double.isNaN(auc)) {
        out.put("roc_auc", auc);
      }
    } else {
      out.put("f1_macro", macroF1(truth, predicted, k));
    }
    out.put("log_loss", logLoss(truth, probabilities));
    return out;
  }

  /**
   * Regression metrics.
   *
   * @throws InvalidInputException when the lengths disagree or there are no rows
   */
  public static Map<String, Double> regression(double[] truth, double[] predicted) {
    int n = truth.length;
    if (n == 0 || predicted.length != n) {
      throw new InvalidInputException(
          "metrics need one prediction per value and at least one row; got "
              + n
              + " values and "
              + predicted.length
              + " predictions");
    }
    double mean = Arrays.stream(truth).average().orElseThrow();
    double squares = 0, absolute = 0, total = 0;
    for (int i = 0; i < n; i++) {
      double e = truth[i] - predicted[i];
      squares += e * e;
      absolute += Math.abs(e);
      total += (truth[i] - mean) * (truth[i] - mean);
    }
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("rmse", Math.sqrt(squares / n));
    out.put("mae", absolute / n);
    out.put("r2", total == 0 ? (squares == 0 ? 1.0 : 0.0) : 1 - squares / total);
    return out;
  }

  private static int argmax(double[] row) {
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

  /** Area under the ROC curve as the Mann-Whitney statistic with mid-ranks for ties. */
  static double rocAuc(boolean[] positive, double[] scores) {
    int n = scores.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
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

  private static double macroF1(int[] truth, int[] predicted, int k) {
    long[] tp = new long[k], fp = new long[k], fn = new long[k];
    boolean[] present = new boolean[k];
    for (int i = 0; i < truth.length; i++) {
      present[truth[i]] = true;
      present[predicted[i]] = true;
      if (truth[i] == predicted[i]) {
        tp[truth[i]]++;
      } else {
        fp[predicted[i]]++;
        fn[truth[i]]++;
      }
    }
    double sum = 0;
    int classes = 0;
    for (int c = 0; c < k; c++) {
      if (present[c]) {
        long denominator = 2 * tp[c] + fp[c] + fn[c];
        sum += denominator == 0 ? 0.0 : 2.0 * tp[c] / denominator;
        classes++;
      }
    }
    return sum / classes;
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
}
