package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees with XGBoost ({@code hist} tree method): {@code binary:logistic} for two
 * classes, {@code multi:softprob} for more, {@code reg:squarederror} for regression.
 *
 * <p>Parameters (XGBoost's own names and meanings): {@code num_round} 100, {@code max_depth} 4,
 * {@code eta} 0.1, {@code subsample} 1.0, {@code colsample_bytree} 1.0, {@code min_child_weight}
 * 1.0, {@code lambda} 1.0, {@code alpha} 0.0, {@code gamma} 0.0, {@code nthread} 1. The seed is
 * XGBoost's {@code seed}; with the same inputs, parameters and seed the model bytes are identical.
 * Models persist as XGBoost's UBJSON model format.
 */
public final class XGBoostTrainer implements Trainer {

  static final String NAME = "xgboost";

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.integer("num_round", 100, 1, 100_000),
          ParameterSpec.integer("max_depth", 4, 1, 64),
          ParameterSpec.real("eta", 0.1, 0, false, 1),
          ParameterSpec.real("subsample", 1.0, 0, false, 1),
          ParameterSpec.real("colsample_bytree", 1.0, 0, false, 1),
          ParameterSpec.real("min_child_weight", 1.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.real("lambda", 1.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.real("alpha", 0.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.real("gamma", 0.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.integer("nthread", 1, 1, 1024));

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
  }

  @Override
  public Map<String, Object> defaultParameters() {
    return ParameterSpec.defaults(PARAMETERS);
  }

  @Override
  public Map<String, Object> resolveParameters(Map<String, Object> parameters) {
    return ParameterSpec.resolve(NAME, PARAMETERS, parameters);
  }

  @Override
  public TrainedModel train(FeatureMatrix x, Labels y, Map<String, Object> parameters, long seed) {
    Map<String, Object> resolved = resolveParameters(parameters);
    checkRows(x, y);
    Map<String, Object> booster = new HashMap<>(resolved);
    int rounds = (Integer) booster.remove("num_round");
    String objective = objective(y);
    booster.put("objective", objective);
    if (y.classes().size() > 2) {
      booster.put("num_class", y.classes().size());
    }
    booster.put("tree_method", "hist");
    booster.put("seed", seed);
    booster.put("verbosity", 0);
    float[] label = new float[x.rows()];
    for (int r = 0; r < label.length; r++) {
      label[r] = (float) (y.task() == Task.CLASSIFICATION ? y.classIndex()[r] : y.values()[r]);
    }
    DMatrix data = null;
    try {
      data = new DMatrix(x.toFloats(), x.rows(), x.cols(), Float.NaN);
      data.setLabel(label);
      Booster trained = XGBoost.train(data, booster, rounds, Map.of(), null, null);
      trained.setAttr(XGBoostModel.OBJECTIVE_ATTR, objective);
      trained.setAttr(XGBoostModel.CLASSES_ATTR, Integer.toString(y.classes().size()));
      return new XGBoostModel(trained);
    } catch (XGBoostError e) {
      throw new SlipwayException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (data != null) {
        data.dispose();
      }
    }
  }

  private static String objective(Labels y) {
    if (y.task() == Task.REGRESSION) {
      return "reg:squarederror";
    }
    return y.classes().size() == 2 ? "binary:logistic" : "multi:softprob";
  }

  static void checkRows(FeatureMatrix x, Labels y) {
    if (x.rows() != y.size()) {
      throw new InvalidInputException(
          "the feature matrix has " + x.rows() + " rows but there are " + y.size() + " labels");
    }
    if (x.rows() == 0) {
      throw new InvalidInputException("cannot train on zero rows");
    }
  }

  @Override
  public TrainedModel load(byte[] bytes) {
    try {
      return new XGBoostModel(XGBoost.loadModel(bytes));
    } catch (XGBoostError | IOException e) {
      throw new InvalidInputException("not a readable XGBoost model: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, String> libraryVersions() {
    try (InputStream in =
        XGBoost.class.getResourceAsStream("/META-INF/maven/ml.dmlc/xgboost4j_2.12/pom.properties")) {
      if (in == null) {
        return Map.of("xgboost4j", "unknown");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Map.of("xgboost4j", properties.getProperty("version", "unknown"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
