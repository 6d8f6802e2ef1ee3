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
 */
public record ComponentSpec(String name, String version, Set<String> inputs, Map<String, String> outputs) {
  public ComponentSpec {
    inputs = Set.copyOf(inputs);
    outputs = Map.copyOf(outputs);
  }
}
