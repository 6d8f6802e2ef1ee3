package dev.slipway.pipeline;

import dev.slipway.store.Stores;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a component may look at when it computes its {@link Component#fingerprint}: everything the
 * cache key does not already cover that its outputs depend on.
 *
 * @param params the step's parameters
 * @param baseDir the pipeline file's directory, against which relative paths resolve
 * @param stores the stores, for components whose outputs depend on registry state
 * @param inputDigests input port → digest of the artifact the step will read
 */
public record FingerprintContext(
    Map<String, Object> params, Path baseDir, Stores stores, Map<String, String> inputDigests) {}
