package dev.slipway.train.evaluation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A binary confusion matrix at one decision threshold, and the rates Fairness Indicators reports
 * from it. A rate whose denominator is zero is 0 (scikit-learn's {@code zero_division} default).
 *
 * @param threshold a row is predicted positive when its positive-class score exceeds this
 */
public record ConfusionCounts(
    double threshold,
    @JsonProperty("tp") long truePositives,
    @JsonProperty("fp") long falsePositives,
    @JsonProperty("tn") long trueNegatives,
    @JsonProperty("fn") long falseNegatives) {

  /** Counts the four cells; {@code positive[i]} is the truth, {@code scores[i] > threshold} the call. */
  public static ConfusionCounts at(boolean[] positive, double[] scores, double threshold) {
    long tp = 0, fp = 0, tn = 0, fn = 0;
    for (int i = 0; i < scores.length; i++) {
      boolean said = scores[i] > threshold;
      if (positive[i]) {
        if (said) tp++; else fn++;
      } else {
        if (said) fp++; else tn++;
      }
    }
    return new ConfusionCounts(threshold, tp, fp, tn, fn);
  }

  private static double ratio(long numerator, long denominator) {
    return denominator == 0 ? 0.0 : (double) numerator / denominator;
  }

  /** True positive rate (recall): TP / (TP + FN). */
  @JsonProperty("tpr")
  public double truePositiveRate() {
    return ratio(truePositives, truePositives + falseNegatives);
  }

  /** False positive rate: FP / (FP + TN). */
  @JsonProperty("fpr")
  public double falsePositiveRate() {
    return ratio(falsePositives, falsePositives + trueNegatives);
  }

  /** False negative rate: FN / (TP + FN). */
  @JsonProperty("fnr")
  public double falseNegativeRate() {
    return ratio(falseNegatives, truePositives + falseNegatives);
  }

  /** True negative rate: TN / (TN + FP). */
  @JsonProperty("tnr")
  public double trueNegativeRate() {
    return ratio(trueNegatives, trueNegatives + falsePositives);
  }

  /** Precision: TP / (TP + FP). */
  @JsonProperty("precision")
  public double precision() {
    return ratio(truePositives, truePositives + falsePositives);
  }

  /** F1: the harmonic mean of precision and recall. */
  @JsonProperty("f1")
  public double f1() {
    return ratio(2 * truePositives, 2 * truePositives + falsePositives + falseNegatives);
  }

  /** Rows with a positive truth. */
  @JsonIgnore
  public long positives() {
    return truePositives + falseNegatives;
  }

  /** Rows with a negative truth. */
  @JsonIgnore
  public long negatives() {
    return trueNegatives + falsePositives;
  }
}
