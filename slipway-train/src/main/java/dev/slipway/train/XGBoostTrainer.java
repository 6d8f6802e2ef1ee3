package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * 1.0, {@code lambda} 1.0, {@code alpha} 0.0, {@code gamma} 0.0, {@code nthread} 1; Slipway's
 * {@code early_stopping_rounds} 0 (off; with eval rows, stop when the eval loss — logloss,
 * mlogloss or rmse — has not improved for that many rounds, keep the best round and record it as
 * {@code best_iteration}) and {@code class_weight} none (see {@link ClassWeights}). The seed is
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
          ParameterSpec.integer("nthread", 1, 1, 1024),
          ParameterSpec.integer(EvalSet.EARLY_STOPPING, 0, 0, 100_000),
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
    Map<String, Object> resolved = resolveParameters(parameters);
    y.checkFits(x);
    int patience = (Integer) resolved.get(EvalSet.EARLY_STOPPING);
    EvalSet.checkForTraining(NAME, patience, eval, x, y);
    float[] weights = ClassWeights.perRow(NAME, resolved.get(ClassWeights.PARAMETER), y);
    Map<String, Object> booster = boosterParameters(resolved, y, seed);
    int rounds = (Integer) resolved.get("num_round");
    DMatrix data = null;
    DMatrix watched = null;
    try {
      data = matrix(x, y, weights);
      if (patience == 0) {
        return model(XGBoost.train(data, booster, rounds, Map.of(), null, null), y, Map.of());
      }
      watched = matrix(eval.x(), eval.y(), ClassWeights.perRow(NAME, resolved.get(ClassWeights.PARAMETER), eval.y()));
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("eval", watched);
      float[][] history = new float[1][rounds];
      Booster probe =
          XGBoost.train(data, booster, rounds, watches, history, null, null, patience, null);
      int best = bestIteration(probe, history[0]);
      probe.dispose();
      // Retrain for exactly the best number of rounds: same seed and data give the same first
      // trees, and the stored model then holds no rounds past the best one.
      Booster trained = XGBoost.train(data, booster, best + 1, Map.of(), null, null);
      return model(
          trained,
          y,
          Map.of(
              "best_iteration", Integer.toString(best),
              "best_eval_" + metric(y), Float.toString(history[0][best])));
    } catch (XGBoostError e) {
      throw new SlipwayException("XGBoost training failed: " + e.getMessage(), e);
    } finally {
      if (data != null) {
        data.dispose();
      }
      if (watched != null) {
        watched.dispose();
      }
    }
  }

  private static Map<String, Object> boosterParameters(
      Map<String, Object> resolved, Labels y, long seed) {
    Map<String, Object> booster = new HashMap<>(resolved);
    booster.remove("num_round");
    booster.remove(EvalSet.EARLY_STOPPING);
    booster.remove(ClassWeights.PARAMETER);
    booster.put("objective", objective(y));
    if (y.classes().size() > 2) {
      booster.put("num_class", y.classes().size());
    }
    booster.put("eval_metric", metric(y));
    booster.put("tree_method", "hist");
    booster.put("seed", seed);
    booster.put("verbosity", 0);
    return booster;
  }

  private static DMatrix matrix(FeatureMatrix x, Labels y, float[] weights) throws XGBoostError {
    float[] label = new float[x.rows()];
    for (int r = 0; r < label.length; r++) {
      label[r] = (float) (y.task() == Task.CLASSIFICATION ? y.classIndex()[r] : y.values()[r]);
    }
    DMatrix data = new DMatrix(x.toFloats(), x.rows(), x.cols(), Float.NaN);
    data.setLabel(label);
    if (weights != null) {
      data.setWeight(weights);
    }
    return data;
  }

  private static XGBoostModel model(Booster trained, Labels y, Map<String, String> summary)
      throws XGBoostError {
    trained.setAttr(XGBoostModel.OBJECTIVE_ATTR, objective(y));
    trained.setAttr(XGBoostModel.CLASSES_ATTR, Integer.toString(y.classes().size()));
    for (Map.Entry<String, String> e : summary.entrySet()) {
      trained.setAttr(XGBoostModel.SUMMARY_PREFIX + e.getKey(), e.getValue());
    }
    return new XGBoostModel(trained);
  }

  /** XGBoost's own record of the best round, else the round with the lowest eval loss. */
  private static int bestIteration(Booster booster, float[] history) throws XGBoostError {
    String recorded = booster.getAttr("best_iteration");
    if (recorded != null) {
      return Integer.parseInt(recorded);
    }
    int best = 0;
    for (int i = 1; i < history.length; i++) {
      if (history[i] < history[best]) {
        best = i;
      }
    }
    return best;
  }

  private static String metric(Labels y) {
    if (y.task() == Task.REGRESSION) {
      return "rmse";
    }
    return y.classes().size() == 2 ? "logloss" : "mlogloss";
  }

  private static String objective(Labels y) {
    if (y.task() == Task.REGRESSION) {
      return "reg:squarederror";
    }
    return y.classes().size() == 2 ? "binary:logistic" : "multi:softprob";
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
