package dev.slipway.train;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Predictions;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import java.util.Map;

/** Scores a {@link ModelBundle} on labelled data with {@link Metrics}. Thread-safe. */
public final class Evaluator {
  private Evaluator() {}

  /**
   * Predicts every row of {@code data} and compares with its label column. Binary classification
   * metrics treat {@link ModelBundle#positiveClass()} as positive.
   *
   * @throws InvalidInputException when the label column is absent, a label is missing, or a label
   *     is not one of the bundle's classes (naming the row)
   */
  public static Map<String, Double> evaluate(ModelBundle bundle, Table data) {
    Column label = data.column(bundle.label());
    Predictions predictions = bundle.predict(data.without(bundle.label()));
    if (bundle.task() == Task.REGRESSION) {
      return Metrics.regression(Labels.regression(label).values(), predictions.values());
    }
    Labels truth = Labels.classification(label, bundle.classes());
    return Metrics.classification(
        truth.classIndex(),
        predictions.probabilities(),
        bundle.classes().indexOf(bundle.positiveClass()));
  }
}
