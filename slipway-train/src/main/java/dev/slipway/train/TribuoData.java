package dev.slipway.train;

import com.oracle.labs.mlrg.olcut.provenance.Provenance;
import com.oracle.labs.mlrg.olcut.provenance.primitives.StringProvenance;
import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Output;
import org.tribuo.OutputFactory;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;
import org.tribuo.regression.RegressionFactory;
import org.tribuo.regression.Regressor;

/**
 * The bridge between a {@link FeatureMatrix} and Tribuo's datasets, shared by the Tribuo trainers.
 * Feature names are positional ({@code f00000}, ...) because the feature matrix, not Tribuo, owns
 * the names (and Tribuo sorts its feature domain by name, so the ids stay positional). Tribuo keeps
 * classes as an unordered domain, so the caller's class order travels in the model's own
 * provenance (an instance value under {@link #CLASSES_KEY}) and is restored on load.
 */
final class TribuoData {
  static final String CLASSES_KEY = "slipway-classes";
  /** The single regression dimension's name. */
  static final String TARGET = "target";

  private TribuoData() {}

  static String[] featureNames(int cols) {
    String[] names = new String[cols];
    for (int c = 0; c < cols; c++) {
      names[c] = String.format("f%05d", c);
    }
    return names;
  }

  /**
   * Classification training rows as a Tribuo dataset, each row weighted by {@code weights} (null:
   * 1).
   *
   * @throws InvalidInputException when a feature is not finite (Tribuo cannot treat it as missing)
   */
  static MutableDataset<Label> classification(FeatureMatrix x, Labels y, float[] weights) {
    x.checkFinite();
    String[] names = featureNames(x.cols());
    LabelFactory factory = new LabelFactory();
    MutableDataset<Label> data = new MutableDataset<>(source(factory), factory);
    for (int r = 0; r < x.rows(); r++) {
      Label label = new Label(y.classes().get(y.classIndex()[r]));
      data.add(example(x, r, names, label, weights));
    }
    return data;
  }

  /**
   * Regression training rows as a Tribuo dataset with one dimension, {@link #TARGET}.
   *
   * @throws InvalidInputException when a feature is not finite
   */
  static MutableDataset<Regressor> regression(FeatureMatrix x, Labels y) {
    x.checkFinite();
    String[] names = featureNames(x.cols());
    RegressionFactory factory = new RegressionFactory();
    MutableDataset<Regressor> data = new MutableDataset<>(source(factory), factory);
    for (int r = 0; r < x.rows(); r++) {
      data.add(example(x, r, names, new Regressor(TARGET, y.values()[r]), null));
    }
    return data;
  }

  private static <T extends Output<T>> SimpleDataSourceProvenance source(OutputFactory<T> f) {
    return new SimpleDataSourceProvenance("slipway feature matrix", f);
  }

  private static <T extends Output<T>> ArrayExample<T> example(
      FeatureMatrix x, int r, String[] names, T output, float[] weights) {
    double[] row = new double[x.cols()];
    System.arraycopy(x.values(), r * x.cols(), row, 0, x.cols());
    ArrayExample<T> example = new ArrayExample<>(output, names, row);
    if (weights != null) {
      example.setWeight(weights[r]);
    }
    return example;
  }

  /** Unlabelled examples for prediction. */
  static <T extends Output<T>> List<Example<T>> examples(FeatureMatrix x, T unknown, int features) {
    if (x.cols() != features) {
      throw new InvalidInputException(
          "the model was trained on " + features + " features but got " + x.cols());
    }
    x.checkFinite();
    String[] names = featureNames(x.cols());
    List<Example<T>> out = new ArrayList<>(x.rows());
    for (int r = 0; r < x.rows(); r++) {
      out.add(example(x, r, names, unknown, null));
    }
    return out;
  }

  /** Provenance of the class order, handed to Tribuo as run provenance. */
  static Map<String, Provenance> classProvenance(List<String> classes) {
    return Map.of(CLASSES_KEY, new StringProvenance(CLASSES_KEY, String.join("\n", classes)));
  }

  /** The class order recorded at training time. */
  static List<String> classesOf(Model<?> model) {
    Provenance recorded = model.getProvenance().getInstanceProvenance().getMap().get(CLASSES_KEY);
    if (!(recorded instanceof StringProvenance text)) {
      throw new InvalidInputException(
          "Tribuo model was not written by Slipway: its provenance lacks '" + CLASSES_KEY + "'");
    }
    return List.of(text.getValue().split("\n", -1));
  }

  /**
   * Restores a Tribuo model from its protobuf bytes.
   *
   * @throws InvalidInputException when the bytes are not a Tribuo model
   */
  static Model<?> read(byte[] bytes) {
    try {
      return Model.deserialize(org.tribuo.protos.core.ModelProto.parseFrom(bytes));
    } catch (com.google.protobuf.InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidInputException("not a readable Tribuo model: " + e.getMessage(), e);
    }
  }

  /** Class probabilities in {@code classes} order from Tribuo predictions. */
  static double[][] probabilities(
      List<org.tribuo.Prediction<Label>> predictions, List<String> classes) {
    double[][] out = new double[predictions.size()][classes.size()];
    for (int r = 0; r < out.length; r++) {
      Map<String, Label> scores = predictions.get(r).getOutputScores();
      for (int c = 0; c < classes.size(); c++) {
        Label score = scores.get(classes.get(c));
        out[r][c] = score == null ? 0.0 : score.getScore();
      }
    }
    return out;
  }

  /** Regression values from Tribuo predictions. */
  static double[] values(List<org.tribuo.Prediction<Regressor>> predictions) {
    double[] out = new double[predictions.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = predictions.get(r).getOutput().getValues()[0];
    }
    return out;
  }

  /**
   * ONNX export of a Tribuo linear model: input {@code input} [N, features], output {@code output}
   * [N, outputs] with the outputs reordered by {@code order} (column {@code i} of the output is
   * Tribuo's output id {@code order[i]}).
   */
  static <M extends org.tribuo.ONNXExportable & com.oracle.labs.mlrg.olcut.provenance.Provenancable<org.tribuo.provenance.ModelProvenance>>
      byte[] toOnnx(M model, int features, long[] order) {
    org.tribuo.util.onnx.ONNXContext context = new org.tribuo.util.onnx.ONNXContext();
    context.setName("slipway-linear-model");
    org.tribuo.util.onnx.ONNXPlaceholder input = context.floatInput("input", features);
    org.tribuo.util.onnx.ONNXPlaceholder output = context.floatOutput("output", order.length);
    org.tribuo.util.onnx.ONNXNode scores = model.writeONNXGraph(input);
    scores
        .apply(
            org.tribuo.util.onnx.ONNXOperators.GATHER,
            context.array("slipway_output_order", order),
            Map.of("axis", 1))
        .assignTo(output);
    return org.tribuo.ONNXExportable.buildModel(context, "dev.slipway", 1, model).toByteArray();
  }
}
