package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.util.Optional;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.sgd.linear.LinearSGDModel;

/** A Tribuo linear regression model with one output dimension; exports to ONNX. */
final class LinearRegressionModel implements TrainedModel {
  private final LinearSGDModel model;
  private final int features;

  LinearRegressionModel(LinearSGDModel model) {
    this.model = model;
    this.features = model.getFeatureIDMap().size();
  }

  @Override
  public String trainer() {
    return LinearRegressionTrainer.NAME;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    throw new InvalidInputException("a linear regression model predicts values, not probabilities");
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    return TribuoData.values(
        model.predict(TribuoData.examples(x, RegressionFactory.UNKNOWN_REGRESSOR, features)));
  }

  @Override
  public byte[] toBytes() {
    return model.serialize().toByteArray();
  }

  @Override
  public Optional<byte[]> toOnnx() {
    return Optional.of(TribuoData.toOnnx(model, features, new long[] {0}));
  }
}
