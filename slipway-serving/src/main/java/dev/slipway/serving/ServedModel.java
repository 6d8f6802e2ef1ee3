package dev.slipway.serving;

import dev.slipway.core.Predictor;
import java.util.Objects;

/**
 * The one model a {@link ModelServer} serves: its registry name and version, and the loaded
 * predictor. Requests must name this model (and, when they give one, this version).
 *
 * @param name model name as it appears in request paths, e.g. {@code credit}
 * @param version model version as it appears in paths, responses and the prediction log
 * @param predictor the loaded model; must be safe to call from many threads
 */
public record ServedModel(String name, String version, Predictor predictor) {

  public ServedModel {
    Objects.requireNonNull(predictor, "predictor");
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("model name must not be blank");
    }
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("model version of '" + name + "' must not be blank");
    }
    if (name.contains("/") || version.contains("/")) {
      throw new IllegalArgumentException(
          "model name and version must not contain '/' (they are path segments): "
              + name
              + " "
              + version);
    }
  }
}
