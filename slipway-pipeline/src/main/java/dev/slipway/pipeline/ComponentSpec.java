package dev.slipway.pipeline;

import java.util.Map;
import java.util.Set;

/**
 * What a component is, as pipeline files and the cache see it.
 *
 * @param name the name used in pipeline files, e.g. {@code ingest}
 * @param version bump when the component's behaviour changes, so cached outputs are not reused
 * @param inputs the input ports it requires
 * @param outputs output port → artifact type written on it
 * @param optionalInputs input ports a pipeline may connect or leave out
 */
public record ComponentSpec(
    String name, String version, Set<String> inputs, Map<String, String> outputs, Set<String> optionalInputs) {
  public ComponentSpec {
    inputs = Set.copyOf(inputs);
    outputs = Map.copyOf(outputs);
    optionalInputs = Set.copyOf(optionalInputs);
  }

  /** A component whose every input is required. */
  public ComponentSpec(String name, String version, Set<String> inputs, Map<String, String> outputs) {
    this(name, version, inputs, outputs, Set.of());
  }

  /** Whether {@code port} is one of its inputs, required or optional. */
  public boolean takes(String port) {
    return inputs.contains(port) || optionalInputs.contains(port);
  }
}
