package dev.slipway.train;

import dev.slipway.features.FeatureMatrix;

/**
 * Held-out rows watched during training (early stopping): features in the training matrix's
 * column space and labels with the training labels' task and classes.
 *
 * @param x the transformed eval features
 * @param y one label per row of {@code x}
 */
public record EvalSet(FeatureMatrix x, Labels y) {

  /**
   * Checks this set against the training matrix and labels.
   *
   * @throws dev.slipway.core.InvalidInputException when the columns, task or classes differ
   */
  public void checkMatches(FeatureMatrix trainX, Labels trainY) {
    y.checkFits(x);
    if (!x.names().equals(trainX.names())) {
      throw new dev.slipway.core.InvalidInputException(
          "the eval matrix has " + x.cols() + " columns that differ from the training matrix's "
              + trainX.cols() + "; transform both with the same graph");
    }
    if (y.task() != trainY.task() || !y.classes().equals(trainY.classes())) {
      throw new dev.slipway.core.InvalidInputException(
          "the eval labels have task " + y.task() + " and classes " + y.classes()
              + " but the training labels have " + trainY.task() + " and " + trainY.classes());
    }
  }
}
