package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.util.List;
import java.util.Optional;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;

/**
 * A Tribuo linear model with softmax outputs (see {@link TribuoData} for feature names and the
 * recorded class order). Exports to ONNX.
 */
final class LogisticRegressionModel implements TrainedModel {

  private final LinearSGDModel model;
  private final List<String> classes;
  private final int features;

  LogisticRegressionModel(LinearSGDModel model, List<String> classes) {
    this.model = model;
    this.classes = List.copyOf(classes);
    this.features = model.getFeatureIDMap().size();
  }

  /** Restores a deserialised model, with the class order recorded at training time. */
  LogisticRegressionModel(LinearSGDModel model) {
    this(model, TribuoData.classesOf(model));
  }

  @Override
  public String trainer() {
    return LogisticRegressionTrainer.NAME;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    return TribuoData.probabilities(
        model.predict(TribuoData.examples(x, LabelFactory.UNKNOWN_LABEL, features)), classes);
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    throw new InvalidInputException(
        "a logistic regression model predicts class probabilities, not values");
  }

  @Override
  public byte[] toBytes() {
    return model.serialize().toByteArray();
  }

  @Override
  public Optional<byte[]> toOnnx() {
    long[] order = new long[classes.size()];
    for (int c = 0; c < order.length; c++) {
      order[c] = model.getOutputIDInfo().getID(new Label(classes.get(c)));
    }
    return Optional.of(TribuoData.toOnnx(model, features, order));
  }
}
