package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.Tribuo;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.regression.Regressor;
import org.tribuo.regression.rtree.CARTRegressionTrainer;
import org.tribuo.regression.rtree.impurity.MeanSquaredError;

/**
 * A single CART decision tree from Tribuo: Gini impurity for classification (leaf probabilities
 * are the weighted class shares of the training rows in the leaf), mean squared error for
 * regression.
 *
 * <p>Parameters: {@code max_depth} (default 6), {@code min_child_weight} (least summed row weight
 * in a child, 5), {@code min_impurity_decrease} (0), {@code fraction_features} (share of features
 * tried per split, 1.0; below 1 the seed picks them) and {@code class_weight} (none; see {@link
 * ClassWeights}). Models persist in Tribuo's protobuf format.
 */
public final class CartTrainer implements Trainer {

  static final String NAME = "cart";

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.integer("max_depth", 6, 1, 64),
          ParameterSpec.real("min_child_weight", 5.0, 0, false, 1e9),
          ParameterSpec.real("min_impurity_decrease", 0.0, 0, true, 1e9),
          ParameterSpec.real("fraction_features", 1.0, 0, false, 1),
          ParameterSpec.classWeight());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public TrainedModel train(
      FeatureMatrix x, Labels y, EvalSet eval, Map<String, Object> parameters, long seed) {
    Map<String, Object> p = resolveParameters(parameters);
    y.checkFits(x);
    int depth = (Integer) p.get("max_depth");
    float minChild = ((Number) p.get("min_child_weight")).floatValue();
    float minDecrease = ((Number) p.get("min_impurity_decrease")).floatValue();
    float fraction = ((Number) p.get("fraction_features")).floatValue();
    float[] weights = ClassWeights.perRow(NAME, p.get(ClassWeights.PARAMETER), y);
    if (y.task() == Task.CLASSIFICATION) {
      CARTClassificationTrainer trainer =
          new CARTClassificationTrainer(
              depth, minChild, minDecrease, fraction, false, new GiniIndex(), seed);
      return new CartModel(
          trainer.train(
              TribuoData.classification(x, y, weights), TribuoData.classProvenance(y.classes())),
          y.classes());
    }
    CARTRegressionTrainer trainer =
        new CARTRegressionTrainer(
            depth, minChild, minDecrease, fraction, false, new MeanSquaredError(), seed);
    return new CartModel(trainer.train(TribuoData.regression(x, y)), List.of());
  }

  @Override
  public TrainedModel load(byte[] bytes) {
    Model<?> model = TribuoData.read(bytes);
    if (model instanceof TreeModel<?> tree && tree.validate(Label.class)) {
      return new CartModel(tree, TribuoData.classesOf(tree));
    }
    if (model instanceof TreeModel<?> tree && tree.validate(Regressor.class)) {
      return new CartModel(tree, List.of());
    }
    throw new InvalidInputException(
        "expected a Tribuo CART tree model, found " + model.getClass().getName());
  }

  @Override
  public Map<String, String> libraryVersions() {
    return Map.of("tribuo", Tribuo.VERSION);
  }
}
