package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.sgd.linear.LinearSGDModel;
import org.tribuo.regression.sgd.linear.LinearSGDTrainer;
import org.tribuo.regression.sgd.objectives.SquaredLoss;

/**
 * Linear regression (squared loss, optionally ridge-penalised) trained by Tribuo's regression
 * {@link LinearSGDTrainer}, one example per update, with the AdaGrad optimiser.
 *
 * <p>Parameters: {@code epochs} (default 100), {@code learning_rate} (AdaGrad initial rate, 0.1)
 * and {@code l2} (default 0: the objective is the summed squared loss plus {@code l2/2 * |w|^2},
 * the bias unpenalised, see {@link L2RegularisedOptimiser}). The seed drives the per-epoch shuffle.
 * Inputs should be standardised (the default transform does this). Models persist in Tribuo's
 * protobuf format and export to ONNX.
 */
public final class LinearRegressionTrainer implements Trainer {

  static final String NAME = "linear_regression";

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.integer("epochs", 100, 1, 100_000),
          ParameterSpec.real("learning_rate", 0.1, 0, false, 1e3),
          ParameterSpec.real("l2", 0.0, 0, true, 1e6));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.REGRESSION);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public TrainedModel train(
      FeatureMatrix x, Labels y, EvalSet eval, Map<String, Object> parameters, long seed) {
    Map<String, Object> resolved = resolveParameters(parameters);
    checkTask(y);
    y.checkFits(x);
    double l2 = ((Number) resolved.get("l2")).doubleValue();
    L2RegularisedOptimiser optimiser =
        new L2RegularisedOptimiser(
            new AdaGrad(((Number) resolved.get("learning_rate")).doubleValue(), 0.1),
            l2 / x.rows());
    LinearSGDTrainer trainer =
        new LinearSGDTrainer(
            new SquaredLoss(), optimiser, (Integer) resolved.get("epochs"), -1, 1, seed);
    return new LinearRegressionModel(trainer.train(TribuoData.regression(x, y)));
  }

  @Override
  public TrainedModel load(byte[] bytes) {
    Model<?> model = TribuoData.read(bytes);
    if (!(model instanceof LinearSGDModel linear) || !linear.validate(Regressor.class)) {
      throw new InvalidInputException(
          "expected a Tribuo linear regression model, found " + model.getClass().getName());
    }
    return new LinearRegressionModel(linear);
  }

  @Override
  public boolean exportsOnnx() {
    return true;
  }

  @Override
  public Map<String, String> libraryVersions() {
    return Map.of("tribuo", Tribuo.VERSION);
  }
}
