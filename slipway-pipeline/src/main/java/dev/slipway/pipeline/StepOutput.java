package dev.slipway.pipeline;

import java.nio.file.Path;
import java.util.Map;

/**
 * A file a step wrote for one output port, with properties recorded on the artifact. Properties
 * named {@code metric.X} and {@code param.X} are also logged to the pipeline run's experiment
 * run as metric / parameter X.
 */
public record StepOutput(Path file, Map<String, String> properties) {
  public StepOutput {
    properties = Map.copyOf(properties);
  }

  public static StepOutput of(Path file) {
    return new StepOutput(file, Map.of());
  }
}
