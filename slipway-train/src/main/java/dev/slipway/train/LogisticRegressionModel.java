package dev.slipway.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.impl.ArrayExample;

/**
 * A Tribuo linear model with softmax outputs. Feature names are positional ({@code f00000}, ...)
 * because the feature matrix, not Tribuo, owns the names. Tribuo keeps its classes as an unordered
 * domain, so the caller's class order travels in the model's own provenance (an instance value
 * under {@link #CLASSES_KEY}) and is restored on load.
 */
final class LogisticRegressionModel implements TrainedModel {
  static final String CLASSES_KEY = "slipway-classes";

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
    this(model, classesOf(model));
  }

  /** Provenance of the class order, handed to Tribuo as run provenance. */
  static Map<String, Provenance> classProvenance(List<String> classes) {
    return Map.of(CLASSES_KEY, new StringProvenance(CLASSES_KEY, String.join("\n", classes)));
  }

  private static List<String> classesOf(LinearSGDModel model) {
    Provenance recorded = model.getProvenance().getInstanceProvenance().getMap().get(CLASSES_KEY);
    if (!(recorded instanceof StringProvenance text)) {
      throw new InvalidInputException(
          "Tribuo model was not written by Slipway: its provenance lacks '" + CLASSES_KEY + "'");
    }
    return List.of(text.getValue().split("\n", -1));
  }

  static String[] featureNames(int cols) {
    String[] names = new String[cols];
    for (int c = 0; c < cols; c++) {
      names[c] = String.format("f%05d", c);
    }
    return names;
  }

  @Override
  public String trainer() {
    return LogisticRegressionTrainer.NAME;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (x.cols() != features) {
      throw new InvalidInputException(
          "the model was trained on " + features + " features but got " + x.cols());
    }
    String[] names = featureNames(x.cols());
    List<Example<Label>> examples = new ArrayList<>(x.rows());
    for (int r = 0; r < x.rows(); r++) {
      double[] row = new double[x.cols()];
      System.arraycopy(x.values(), r * x.cols(), row, 0, x.cols());
      examples.add(new ArrayExample<>(LabelFactory.UNKNOWN_LABEL, names, row));
    }
    List<Prediction<Label>> predictions = model.predict(examples);
    double[][] out = new double[x.rows()][classes.size()];
    for (int r = 0; r < out.length; r++) {
      Map<String, Label> scores = predictions.get(r).getOutputScores();
      for (int c = 0; c < classes.size(); c++) {
        Label score = scores.get(classes.get(c));
        out[r][c] = score == null ? 0.0 : score.getScore();
      }
    }
    return out;
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
}
