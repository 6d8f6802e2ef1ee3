package dev.slipway.serving;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One predicted row as the prediction log keeps it: what came in, what went out, for which request
 * and model version. A batch request of N rows yields N records sharing timestamp and request id.
 *
 * <p>Input values are {@code Long} for INT features, {@code Double} for FLOAT features, {@code
 * String} for STRING features and {@code null} when missing, keyed by feature name in schema
 * order. Outputs are {@code {"label": String, "probabilities": {class: Double, ...}}} for
 * classification and {@code {"value": Double}} for regression (a non-finite number is null).
 *
 * @param timestamp when the server received the request (from its injected clock)
 * @param requestId the request's {@code id}, or the UUID the server generated for it
 * @param model model name
 * @param version model version
 * @param inputs feature name to raw input value; null values allowed
 * @param outputs output name to value; null values allowed
 */
public record PredictionRecord(
    Instant timestamp,
    String requestId,
    String model,
    String version,
    Map<String, Object> inputs,
    Map<String, Object> outputs) {

  public PredictionRecord {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(version, "version");
    // Map.copyOf rejects null values, and null is how a missing input is recorded.
    inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}
