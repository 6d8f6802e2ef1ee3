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

  /** The parameter of the trainers that stop early: rounds (or epochs) without improvement. */
  public static final String EARLY_STOPPING = "early_stopping_rounds";

  /**
   * What a trainer with early stopping checks before training: eval rows are there when {@code
   * patience} asks for them, and match the training matrix and labels.
   *
   * @param eval the eval rows given to the trainer; null for none
   * @throws dev.slipway.core.InvalidInputException naming the trainer and the parameter when
   *     {@code patience > 0} without eval rows, or as {@link #checkMatches}
   */
  public static void checkForTraining(
      String trainer, int patience, EvalSet eval, FeatureMatrix trainX, Labels trainY) {
    if (patience > 0 && eval == null) {
      throw new dev.slipway.core.InvalidInputException(
          "parameter '" + EARLY_STOPPING + "' of trainer '" + trainer
              + "' needs eval rows; give the train step an 'eval' input or set it to 0");
    }
    if (eval != null) {
      eval.checkMatches(trainX, trainY);
    }
  }

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
