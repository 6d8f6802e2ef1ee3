package dev.slipway.train;

import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A learning algorithm, the plugin point of this module. Implementations are listed in {@code
 * META-INF/services/dev.slipway.train.Trainer}, have a public no-argument constructor, are
 * stateless and safe to call from many threads.
 *
 * <p>Training is deterministic: the same matrix, labels, parameters and seed give the same model.
 */
public interface Trainer {

  /** The name pipelines use to pick this trainer, e.g. {@code xgboost}; unique, lower case. */
  String name();

  /** The tasks this trainer can learn. */
  Set<Task> tasks();

  /** Every parameter this trainer accepts: name, type, default and allowed range, in a stable order. */
  List<ParameterSpec> parameters();

  /** Every parameter this trainer accepts, with its default value, in a stable order. */
  default Map<String, Object> defaultParameters() {
    return ParameterSpec.defaults(parameters());
  }

  /**
   * The defaults overlaid with {@code parameters}, each validated and converted to its declared
   * type (what {@link #train} actually uses and what provenance records).
   *
   * @throws dev.slipway.core.InvalidInputException for an unknown parameter or a value of the wrong
   *     type or out of range, naming the parameter, the value and the allowed range
   */
  default Map<String, Object> resolveParameters(Map<String, Object> parameters) {
    return ParameterSpec.resolve(name(), parameters(), parameters);
  }

  /**
   * Trains a model without eval rows: {@link #train(FeatureMatrix, Labels, EvalSet, Map, long)}
   * with none.
   */
  default TrainedModel train(FeatureMatrix x, Labels y, Map<String, Object> parameters, long seed) {
    return train(x, y, null, parameters, seed);
  }

  /**
   * Trains a model, watching {@code eval} (rows held out from training) where the trainer can use
   * them: the boosters and the MLP stop early when their {@code early_stopping_rounds} parameter
   * is set and the eval loss has not improved for that many rounds, and report the best iteration
   * in {@link TrainedModel#trainingSummary()}. Trainers without early stopping ignore {@code eval}.
   *
   * @param x the transformed training features
   * @param y one label per row of {@code x}
   * @param eval held-out rows in the same feature space and with the same classes as {@code y};
   *     null for none
   * @param parameters overrides of {@link #defaultParameters()}; absent keys keep their default
   * @param seed the only source of randomness
   * @throws dev.slipway.core.InvalidInputException for bad parameters, a task this trainer does not
   *     support, a row count mismatch between {@code x} and {@code y}, or {@code
   *     early_stopping_rounds} set without {@code eval}
   */
  TrainedModel train(
      FeatureMatrix x, Labels y, EvalSet eval, Map<String, Object> parameters, long seed);

  /**
   * Restores a model from {@link TrainedModel#toBytes()}.
   *
   * @throws dev.slipway.core.InvalidInputException when the bytes are not a model of this trainer
   */
  TrainedModel load(byte[] bytes);

  /**
   * Refuses labels of a task this trainer does not learn.
   *
   * @throws dev.slipway.core.InvalidInputException naming the task and the trainers that learn it
   */
  default void checkTask(Labels y) {
    if (!tasks().contains(y.task())) {
      String task = y.task().name().toLowerCase(java.util.Locale.ROOT);
      throw new dev.slipway.core.InvalidInputException(
          "trainer '" + name() + "' does not learn " + task + "; the trainers that do: "
              + String.join(", ", Trainers.all().stream()
                  .filter(t -> t.tasks().contains(y.task())).map(Trainer::name).toList()));
    }
  }

  /** Whether this trainer's models export to ONNX ({@link TrainedModel#toOnnx()} not empty). */
  default boolean exportsOnnx() {
    return false;
  }

  /** Versions of the libraries this trainer delegates to, for provenance, e.g. {@code xgboost4j}. */
  default Map<String, String> libraryVersions() {
    return Map.of();
  }
}
