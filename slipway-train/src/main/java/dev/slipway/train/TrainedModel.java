package dev.slipway.train;

import dev.slipway.features.FeatureMatrix;

/**
 * A model produced by a {@link Trainer}. Immutable; predictions are safe to call from many
 * threads.
 */
public interface TrainedModel {

  /** The {@link Trainer#name()} that made this model and can {@link Trainer#load} it. */
  String trainer();

  /**
   * Class probabilities, one row per input row, columns in {@link Labels#classes()} order; each row
   * sums to 1.
   *
   * @throws dev.slipway.core.InvalidInputException for a regression model or a matrix with a
   *     different number of columns than the training matrix
   */
  double[][] predictProbabilities(FeatureMatrix x);

  /**
   * Predicted values, one per input row.
   *
   * @throws dev.slipway.core.InvalidInputException for a classification model or a matrix with a
   *     different number of columns than the training matrix
   */
  double[] predictValues(FeatureMatrix x);

  /** The persisted form, readable by {@link Trainer#load}; not Java serialization. */
  byte[] toBytes();

  /**
   * What only training could tell, recorded in {@link Provenance#training()}: e.g. {@code
   * best_iteration} after early stopping. Empty by default.
   */
  default java.util.Map<String, String> trainingSummary() {
    return java.util.Map.of();
  }

  /**
   * Average gain per split of each feature column the model splits on, by column index of the
   * training matrix (XGBoost's {@code importance_type='gain'}); columns never split on are absent.
   * Empty for models that are not tree ensembles.
   */
  default java.util.Map<Integer, Double> gainImportance() {
    return java.util.Map.of();
  }

  /**
   * This model as an ONNX model ({@code ModelProto} bytes) with one float input {@code input} of
   * shape [N, features] and one float output {@code output} of shape [N, classes] (probabilities
   * in {@link Labels#classes()} order) or [N, 1] (values); empty when the trainer cannot export.
   */
  default java.util.Optional<byte[]> toOnnx() {
    return java.util.Optional.empty();
  }
}
