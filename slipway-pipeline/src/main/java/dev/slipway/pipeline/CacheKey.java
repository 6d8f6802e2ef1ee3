package dev.slipway.pipeline;

import dev.slipway.core.Json;
import dev.slipway.core.Sha256;
import java.util.Map;
import java.util.TreeMap;

/**
 * The identity of a step's work, after TFX and KFP: SHA-256 over the canonical JSON of the
 * component name and version, the parameters, each input port's artifact digest and the
 * component's fingerprint. Two executions with the same key produce the same outputs.
 */
final class CacheKey {
  private CacheKey() {}

  static String of(
      Component component,
      Map<String, Object> params,
      Map<String, String> inputDigests,
      Map<String, String> fingerprint) {
    Map<String, Object> key = new TreeMap<>();
    key.put("component", component.spec().name());
    key.put("version", component.spec().version());
    key.put("params", new TreeMap<>(params));
    key.put("inputs", new TreeMap<>(inputDigests));
    key.put("fingerprint", new TreeMap<>(fingerprint));
    return Sha256.hex(Json.bytes(key));
  }
}
