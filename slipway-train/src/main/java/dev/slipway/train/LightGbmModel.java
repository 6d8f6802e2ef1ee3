package dev.slipway.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import io.github.metarank.lightgbm4j.LGBMBooster;
import io.github.metarank.lightgbm4j.LGBMException;
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
  private final LGBMBooster booster;

  private LightGbmModel(Header header, String text) {
    this.header = header;
    this.text = text;
    loadNative();
    try {
      this.booster = LGBMBooster.loadModelFromString(text);
    } catch (LGBMException e) {
      throw new InvalidInputException("not a readable LightGBM model: " + e.getMessage(), e);
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
    try {
      return booster.predictForMat(x.values(), x.rows(), x.cols(), true, LightGbmTrainer.normal());
    } catch (LGBMException e) {
      throw new SlipwayException("LightGBM prediction failed: " + e.getMessage(), e);
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
}
