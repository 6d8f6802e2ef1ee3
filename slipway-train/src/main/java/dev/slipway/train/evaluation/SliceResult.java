package dev.slipway.train.evaluation;

import java.util.Map;

/**
 * Metrics of one slice.
 *
 * @param spec the slice spec's name (its column, or columns joined by {@code ,})
 * @param count rows in the slice
 * @param metrics the same metrics as overall; those undefined on this slice (e.g. ROC AUC when the
 *     slice holds one class) are absent
 * @param fairness binary classification only: {@code tpr}, {@code fpr}, {@code fnr}, {@code
 *     precision} at the 0.5 decision threshold, and each one's difference from the overall rate
 *     ({@code tpr_vs_overall}, …); null otherwise
 */
public record SliceResult(String spec, long count, Map<String, Double> metrics, Map<String, Double> fairness) {
  public SliceResult {
    metrics = Map.copyOf(metrics);
    fairness = fairness == null ? null : Map.copyOf(fairness);
  }
}
