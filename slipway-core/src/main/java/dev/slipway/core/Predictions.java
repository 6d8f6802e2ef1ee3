package dev.slipway.core;

import java.util.List;

/**
 * Predictions for a batch of rows, in row order.
 *
 * @param labels predicted class per row (classification); null for regression
 * @param probabilities per row, one probability per class in {@link Predictor#classes()} order
 *     (classification); null for regression
 * @param values predicted value per row (regression); null for classification
 */
public record Predictions(List<String> labels, double[][] probabilities, double[] values) {

  public int size() {
    return labels != null ? labels.size() : values.length;
  }
}
