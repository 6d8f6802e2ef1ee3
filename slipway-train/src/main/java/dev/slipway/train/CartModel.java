package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.util.List;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/** A Tribuo CART tree: classification when it has classes, regression otherwise. */
final class CartModel implements TrainedModel {
  private final TreeModel<?> tree;
  private final List<String> classes;
  private final int features;

  CartModel(TreeModel<?> tree, List<String> classes) {
    this.tree = tree;
    this.classes = List.copyOf(classes);
    this.features = tree.getFeatureIDMap().size();
  }

  @Override
  public String trainer() {
    return CartTrainer.NAME;
  }

  @Override
  @SuppressWarnings("unchecked")
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (classes.isEmpty()) {
      throw new InvalidInputException("this CART model is a regression tree; ask for values");
    }
    TreeModel<Label> labels = (TreeModel<Label>) tree;
    return TribuoData.probabilities(
        labels.predict(TribuoData.examples(x, LabelFactory.UNKNOWN_LABEL, features)), classes);
  }

  @Override
  @SuppressWarnings("unchecked")
  public double[] predictValues(FeatureMatrix x) {
    if (!classes.isEmpty()) {
      throw new InvalidInputException(
          "this CART model is a classification tree; ask for probabilities");
    }
    TreeModel<Regressor> values = (TreeModel<Regressor>) tree;
    return TribuoData.values(
        values.predict(TribuoData.examples(x, RegressionFactory.UNKNOWN_REGRESSOR, features)));
  }

  @Override
  public byte[] toBytes() {
    return tree.serialize().toByteArray();
  }
}
