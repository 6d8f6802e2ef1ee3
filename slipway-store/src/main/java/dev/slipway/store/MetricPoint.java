package dev.slipway.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One logged value of a metric. A metric is the series of points with the same key.
 *
 * @param value may be NaN or infinite, as in MLflow
 * @param step the training step or epoch the value belongs to
 */
public record MetricPoint(String key, double value, long step, Instant timestamp) {
  public MetricPoint {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(timestamp, "timestamp");
  }
}
