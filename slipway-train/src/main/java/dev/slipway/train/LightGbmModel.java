package dev.slipway.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_double;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_int;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_long_long;
import com.microsoft.ml.lightgbm.SWIGTYPE_p_p_void;
import com.microsoft.ml.lightgbm.lightgbmlib;
import io.github.metarank.lightgbm4j.LGBMBooster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A trained LightGBM booster. Persisted form: one line of JSON ({@link Header}: task, class count,
 * feature count, training summary), a newline, then LightGBM's text model. Predictions are
 * serialised on the booster, whose native handle is not documented as thread-safe.
 */
final class LightGbmModel implements TrainedModel {

  /** What the text model does not say plainly. */
  record Header(
      @JsonProperty("format") String format,
      Task task,
      int classes,
      int features,
      Map<String, String> training) {}

  static final String FORMAT = "slipway-lightgbm-1";

  private final Header header;
  private final String text;
  /** LightGBM's booster handle, freed when this model becomes unreachable. */
  private final SWIGTYPE_p_p_void handle;

  private static final java.lang.ref.Cleaner CLEANER = java.lang.ref.Cleaner.create();

  private LightGbmModel(Header header, String text) {
    this.header = header;
    this.text = text;
    loadNative();
    this.handle = load(text);
    SWIGTYPE_p_p_void owned = handle;
    CLEANER.register(this, () -> {
      lightgbmlib.LGBM_BoosterFree(lightgbmlib.voidpp_value(owned));
      lightgbmlib.delete_voidpp(owned);
    });
  }

  /**
   * Loads the text model through LightGBM's C API directly: lightgbm4j 4.3.0-1's own predict sizes
   * its output buffer for two values per row, which a multiclass model overruns (a JVM crash, seen
   * here), so predictions below size the buffer themselves.
   */
  private static SWIGTYPE_p_p_void load(String text) {
    SWIGTYPE_p_int iterations = lightgbmlib.new_intp();
    SWIGTYPE_p_p_void handle = lightgbmlib.new_voidpp();
    try {
      if (lightgbmlib.LGBM_BoosterLoadModelFromString(text, iterations, handle) != 0) {
        lightgbmlib.delete_voidpp(handle);
        throw new InvalidInputException(
            "not a readable LightGBM model: " + lightgbmlib.LGBM_GetLastError());
      }
      return handle;
    } finally {
      lightgbmlib.delete_intp(iterations);
    }
  }

  static LightGbmModel of(
      String text, Task task, int classes, int features, Map<String, String> training) {
    return new LightGbmModel(new Header(FORMAT, task, classes, features, Map.copyOf(training)), text);
  }

  static LightGbmModel read(byte[] bytes) {
    String all = new String(bytes, StandardCharsets.UTF_8);
    int newline = all.indexOf('\n');
    Header header = null;
    if (all.startsWith("{\"") && newline > 0) {
      header = Json.read(all.substring(0, newline).getBytes(StandardCharsets.UTF_8), Header.class);
    }
    if (header == null || !FORMAT.equals(header.format())) {
      throw new InvalidInputException(
          "not a Slipway LightGBM model: the first line is not a '" + FORMAT + "' header");
    }
    return new LightGbmModel(header, all.substring(newline + 1));
  }

  static void loadNative() {
    try {
      LGBMBooster.loadNative();
    } catch (IOException e) {
      throw new SlipwayException(
          "cannot unpack LightGBM's native library to java.io.tmpdir: " + e.getMessage(), e);
    }
  }

  @Override
  public String trainer() {
    return LightGbmTrainer.NAME;
  }

  @Override
  public Map<String, String> trainingSummary() {
    return header.training() == null ? Map.of() : header.training();
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (header.task() != Task.CLASSIFICATION) {
      throw new InvalidInputException("this LightGBM model is a regression model; ask for values");
    }
    double[] raw = predict(x);
    int k = header.classes();
    double[][] out = new double[x.rows()][];
    for (int r = 0; r < out.length; r++) {
      if (k == 2) {
        out[r] = new double[] {1 - raw[r], raw[r]};
      } else {
        out[r] = new double[k];
        System.arraycopy(raw, r * k, out[r], 0, k);
      }
    }
    return out;
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    if (header.task() != Task.REGRESSION) {
      throw new InvalidInputException(
          "this LightGBM model is a classification model; ask for probabilities");
    }
    return predict(x);
  }

  private synchronized double[] predict(FeatureMatrix x) {
    if (x.cols() != header.features()) {
      throw new InvalidInputException(
          "the model was trained on " + header.features() + " features but got " + x.cols());
    }
    if (x.rows() == 0) {
      return new double[0];
    }
    int outputs = header.task() == Task.CLASSIFICATION && header.classes() > 2 ? header.classes() : 1;
    double[] values = x.values();
    SWIGTYPE_p_double input = lightgbmlib.new_doubleArray(values.length);
    SWIGTYPE_p_double output = lightgbmlib.new_doubleArray((long) x.rows() * outputs);
    SWIGTYPE_p_long_long written = lightgbmlib.new_int64_tp();
    try {
      for (int i = 0; i < values.length; i++) {
        lightgbmlib.doubleArray_setitem(input, i, values[i]);
      }
      int rc =
          lightgbmlib.LGBM_BoosterPredictForMat(
              lightgbmlib.voidpp_value(handle),
              lightgbmlib.double_to_voidp_ptr(input),
              lightgbmlib.C_API_DTYPE_FLOAT64,
              x.rows(),
              x.cols(),
              1, // row-major
              LightGbmTrainer.normal().getType(),
              0, // from the first iteration
              -1, // through the last
              "",
              written,
              output);
      if (rc != 0) {
        throw new SlipwayException("LightGBM prediction failed: " + lightgbmlib.LGBM_GetLastError());
      }
      double[] out = new double[Math.toIntExact(lightgbmlib.int64_tp_value(written))];
      for (int i = 0; i < out.length; i++) {
        out[i] = lightgbmlib.doubleArray_getitem(output, i);
      }
      return out;
    } finally {
      lightgbmlib.delete_doubleArray(input);
      lightgbmlib.delete_doubleArray(output);
      lightgbmlib.delete_int64_tp(written);
    }
  }

  @Override
  public byte[] toBytes() {
    try {
      return (Json.MAPPER.writeValueAsString(header) + "\n" + text).getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SlipwayException("cannot encode the LightGBM model header", e);
    }
  }

  /** LightGBM reports total gain and split counts per feature; their ratio is XGBoost's measure. */
  @Override
  public synchronized Map<Integer, Double> gainImportance() {
    double[] gain = importance(1); // C_API_FEATURE_IMPORTANCE_GAIN
    double[] splits = importance(0); // C_API_FEATURE_IMPORTANCE_SPLIT
    Map<Integer, Double> out = new java.util.TreeMap<>();
    for (int f = 0; f < gain.length; f++) {
      if (splits[f] > 0) {
        out.put(f, gain[f] / splits[f]);
      }
    }
    return out;
  }

  private double[] importance(int type) {
    SWIGTYPE_p_double values = lightgbmlib.new_doubleArray(header.features());
    try {
      if (lightgbmlib.LGBM_BoosterFeatureImportance(lightgbmlib.voidpp_value(handle), 0, type, values) != 0) {
        throw new SlipwayException("LightGBM feature importance failed: " + lightgbmlib.LGBM_GetLastError());
      }
      double[] out = new double[header.features()];
      for (int f = 0; f < out.length; f++) {
        out[f] = lightgbmlib.doubleArray_getitem(values, f);
      }
      return out;
    } finally {
      lightgbmlib.delete_doubleArray(values);
    }
  }
}
