package dev.slipway.train;

import com.microsoft.ml.lightgbm.PredictionType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMDataset;
import io.github.metarank.lightgbm4j.LGBMException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * Gradient-boosted trees with LightGBM (through lightgbm4j): {@code binary} for two classes,
 * {@code multiclass} for more, {@code regression} (L2) for values.
 *
 * <p>Parameters (LightGBM's own names and meanings): {@code num_iterations} 100, {@code
 * learning_rate} 0.1, {@code num_leaves} 31, {@code max_depth} -1 (no limit), {@code
 * min_data_in_leaf} 20, {@code feature_fraction} 1.0, {@code bagging_fraction} 1.0, {@code
 * bagging_freq} 0, {@code lambda_l1} 0, {@code lambda_l2} 0, {@code num_threads} 1; Slipway's {@code
 * early_stopping_rounds} 0 (off; with eval rows, stop when the eval loss has not improved for that
 * many rounds and keep the rounds up to the best, recorded as {@code best_iteration}) and {@code
 * class_weight} none. The seed is LightGBM's {@code seed}, with {@code deterministic=true} and
 * row-wise histograms, so a seed replays a model. Natives are unpacked to {@code java.io.tmpdir}.
 * Models persist as LightGBM's text model behind a one-line Slipway header (see {@link
 * LightGbmModel}).
 */
public final class LightGbmTrainer implements Trainer {

  static final String NAME = "lightgbm";

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.integer("num_iterations", 100, 1, 100_000),
          ParameterSpec.real("learning_rate", 0.1, 0, false, 1),
          ParameterSpec.integer("num_leaves", 31, 2, 131_072),
          ParameterSpec.integer("max_depth", -1, -1, 64),
          ParameterSpec.integer("min_data_in_leaf", 20, 1, 1_000_000),
          ParameterSpec.real("feature_fraction", 1.0, 0, false, 1),
          ParameterSpec.real("bagging_fraction", 1.0, 0, false, 1),
          ParameterSpec.integer("bagging_freq", 0, 0, 100_000),
          ParameterSpec.real("lambda_l1", 0.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.real("lambda_l2", 0.0, 0, true, Double.POSITIVE_INFINITY),
          ParameterSpec.integer("num_threads", 1, 1, 1024),
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
    Object classWeight = resolved.get(ClassWeights.PARAMETER);
    float[] weights = ClassWeights.perRow(NAME, classWeight, y);
    String config = config(resolved, y, seed);
    int rounds = (Integer) resolved.get("num_iterations");
    LightGbmModel.loadNative();
    try (LGBMDataset data = dataset(x, y, weights, config, null);
        LGBMDataset watched =
            patience > 0
                ? dataset(eval.x(), eval.y(), ClassWeights.perRow(NAME, classWeight, eval.y()),
                    config, data)
                : null;
        LGBMBooster booster = LGBMBooster.create(data, config)) {
      if (watched != null) {
        booster.addValidData(watched);
      }
      int best = -1;
      double bestLoss = Double.POSITIVE_INFINITY;
      for (int i = 0; i < rounds; i++) {
        boolean finished = booster.updateOneIter();
        if (watched != null) {
          double loss = booster.getEval(1)[0];
          if (loss < bestLoss) {
            bestLoss = loss;
            best = i;
          } else if (i - best >= patience) {
            break;
          }
        }
        if (finished) {
          break;
        }
      }
      Map<String, String> summary = new TreeMap<>();
      int keep = 0;
      if (watched != null) {
        keep = best + 1;
        summary.put("best_iteration", Integer.toString(best));
        summary.put("best_eval_" + metric(y), Double.toString(bestLoss));
      }
      String text = booster.saveModelToString(0, keep, LGBMBooster.FeatureImportanceType.GAIN);
      return LightGbmModel.of(text, y.task(), y.classes().size(), x.cols(), summary);
    } catch (LGBMException e) {
      throw new SlipwayException("LightGBM training failed: " + e.getMessage(), e);
    }
  }

  private static LGBMDataset dataset(
      FeatureMatrix x, Labels y, float[] weights, String config, LGBMDataset reference)
      throws LGBMException {
    LGBMDataset data =
        LGBMDataset.createFromMat(x.values(), x.rows(), x.cols(), true, config, reference);
    float[] label = new float[x.rows()];
    for (int r = 0; r < label.length; r++) {
      label[r] = (float) (y.task() == Task.CLASSIFICATION ? y.classIndex()[r] : y.values()[r]);
    }
    data.setField("label", label);
    if (weights != null) {
      data.setField("weight", weights);
    }
    return data;
  }

  private static String config(Map<String, Object> resolved, Labels y, long seed) {
    Map<String, Object> config = new LinkedHashMap<>(resolved);
    config.remove("num_iterations");
    config.remove(EvalSet.EARLY_STOPPING);
    config.remove(ClassWeights.PARAMETER);
    if (y.task() == Task.REGRESSION) {
      config.put("objective", "regression");
    } else if (y.classes().size() == 2) {
      config.put("objective", "binary");
    } else {
      config.put("objective", "multiclass");
      config.put("num_class", y.classes().size());
    }
    config.put("metric", metric(y));
    config.put("seed", seed);
    config.put("deterministic", "true");
    config.put("force_row_wise", "true");
    config.put("verbosity", -1);
    StringBuilder out = new StringBuilder();
    config.forEach((k, v) -> out.append(k).append('=').append(v).append(' '));
    return out.toString().trim();
  }

  private static String metric(Labels y) {
    if (y.task() == Task.REGRESSION) {
      return "l2";
    }
    return y.classes().size() == 2 ? "binary_logloss" : "multi_logloss";
  }

  @Override
  public TrainedModel load(byte[] bytes) {
    return LightGbmModel.read(bytes);
  }

  @Override
  public Map<String, String> libraryVersions() {
    try (InputStream in =
        LGBMBooster.class.getResourceAsStream(
            "/META-INF/maven/io.github.metarank/lightgbm4j/pom.properties")) {
      if (in == null) {
        return Map.of("lightgbm4j", "unknown");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Map.of("lightgbm4j", properties.getProperty("version", "unknown"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PredictionType normal() {
    return PredictionType.C_API_PREDICT_NORMAL;
  }
}
