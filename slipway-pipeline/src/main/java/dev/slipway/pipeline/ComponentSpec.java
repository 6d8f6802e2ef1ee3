package dev.slipway.pipeline;

import java.util.Map;
import java.util.Set;

/**
 * What a component is, as pipeline files and the cache see it.
 *
 * @param name the name used in pipeline files, e.g. {@code ingest}
 * @param version bump when the component's behaviour changes, so cached outputs are not reused
 * @param inputs the input ports it requires
 * @param outputs output port → artifact type, written by every run
 * @param optionalInputs input ports a pipeline may connect or leave out
 * @param optionalOutputs output port → artifact type, written only when the step's parameters ask
 *     for it (a split's {@code test}); a step that wires one that was not written fails with a
 *     message naming both steps
 */
public record ComponentSpec(
    String name,
    String version,
    Set<String> inputs,
    Map<String, String> outputs,
    Set<String> optionalInputs,
    Map<String, String> optionalOutputs) {
  public ComponentSpec {
    inputs = Set.copyOf(inputs);
    outputs = Map.copyOf(outputs);
    optionalInputs = Set.copyOf(optionalInputs);
    optionalOutputs = Map.copyOf(optionalOutputs);
    for (String port : optionalOutputs.keySet()) {
      if (outputs.containsKey(port)) {
        throw new IllegalArgumentException(
            "component '" + name + "' declares output '" + port + "' both required and optional");
      }
    }
  }

  /** A component whose every input is required and every output always written. */
  public ComponentSpec(String name, String version, Set<String> inputs, Map<String, String> outputs) {
    this(name, version, inputs, outputs, Set.of(), Map.of());
  }

  /** A component with optional inputs whose every output is always written. */
  public ComponentSpec(
      String name, String version, Set<String> inputs, Map<String, String> outputs, Set<String> optionalInputs) {
    this(name, version, inputs, outputs, optionalInputs, Map.of());
  }

  /** Whether {@code port} is one of its inputs, required or optional. */
  public boolean takes(String port) {
    return inputs.contains(port) || optionalInputs.contains(port);
  }

  /** Whether {@code port} is one of its outputs, always written or optional. */
  public boolean writes(String port) {
    return outputs.containsKey(port) || optionalOutputs.containsKey(port);
  }
}
