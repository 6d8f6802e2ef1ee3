package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.SlipwayException;
import dev.slipway.features.FeatureMatrix;
import java.util.Map;
import java.util.TreeMap;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A trained XGBoost booster. The objective and class count travel inside the model as booster
 * attributes, so the bytes alone restore a working model. Predictions are serialised on the
 * booster (its native handle is not documented as thread-safe).
 */
final class XGBoostModel implements TrainedModel {
  static final String OBJECTIVE_ATTR = "slipway_objective";
  static final String CLASSES_ATTR = "slipway_classes";
  static final String SUMMARY_PREFIX = "slipway_training_";

  private final Booster booster;
  private final String objective;
  private final int classes;
  private final long features;
  private final Map<String, String> summary;

  XGBoostModel(Booster booster) throws XGBoostError {
    this.booster = booster;
    this.objective = booster.getAttr(OBJECTIVE_ATTR);
    String classText = booster.getAttr(CLASSES_ATTR);
    if (objective == null || classText == null) {
      throw new InvalidInputException(
          "XGBoost model was not written by Slipway: it lacks the '" + OBJECTIVE_ATTR + "' attribute");
    }
    this.classes = Integer.parseInt(classText);
    this.features = booster.getNumFeature();
    Map<String, String> facts = new TreeMap<>();
    booster.getAttrs().forEach((k, v) -> {
      if (k.startsWith(SUMMARY_PREFIX)) {
        facts.put(k.substring(SUMMARY_PREFIX.length()), v);
      }
    });
    this.summary = Map.copyOf(facts);
  }

  @Override
  public String trainer() {
    return XGBoostTrainer.NAME;
  }

  @Override
  public Map<String, String> trainingSummary() {
    return summary;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (objective.startsWith("reg:")) {
      throw new InvalidInputException("this XGBoost model is a regression model; ask for values");
    }
    float[][] raw = predict(x);
    double[][] out = new double[raw.length][];
    for (int r = 0; r < raw.length; r++) {
      if (classes == 2) {
        double p = raw[r][0];
        out[r] = new double[] {1 - p, p};
      } else {
        out[r] = new double[classes];
        for (int c = 0; c < classes; c++) {
          out[r][c] = raw[r][c];
        }
      }
    }
    return out;
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    if (!objective.startsWith("reg:")) {
      throw new InvalidInputException(
          "this XGBoost model is a classification model; ask for probabilities");
    }
    float[][] raw = predict(x);
    double[] out = new double[raw.length];
    for (int r = 0; r < raw.length; r++) {
      out[r] = raw[r][0];
    }
    return out;
  }

  private synchronized float[][] predict(FeatureMatrix x) {
    if (x.cols() != features) {
      throw new InvalidInputException(
          "the model was trained on " + features + " features but got " + x.cols());
    }
    if (x.rows() == 0) {
      return new float[0][];
    }
    DMatrix data = null;
    try {
      data = new DMatrix(x.toFloats(), x.rows(), x.cols(), Float.NaN);
      return booster.predict(data);
    } catch (XGBoostError e) {
      throw new SlipwayException("XGBoost prediction failed: " + e.getMessage(), e);
    } finally {
      if (data != null) {
        data.dispose();
      }
    }
  }

  @Override
  public synchronized byte[] toBytes() {
    try {
      return booster.toByteArray("ubj");
    } catch (XGBoostError e) {
      throw new SlipwayException("cannot serialise the XGBoost model: " + e.getMessage(), e);
    }
  }

  /**
   * Asked with explicit feature names (f0, f1, …): passing no names crashes the native library.
   */
  @Override
  public synchronized java.util.Map<Integer, Double> gainImportance() {
    String[] ids = new String[Math.toIntExact(features)];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = "f" + i;
    }
    try {
      java.util.Map<Integer, Double> out = new java.util.TreeMap<>();
      booster.getScore(ids, "gain").forEach((id, gain) -> out.put(Integer.parseInt(id.substring(1)), gain));
      return out;
    } catch (XGBoostError e) {
      throw new SlipwayException("cannot read gain importance from the XGBoost model: " + e.getMessage(), e);
    }
  }
}
