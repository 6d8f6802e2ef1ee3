package dev.slipway.train;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.core.Task;
import java.util.List;

/**
 * The {@code bundle.json} entry of a {@link ModelBundle}: what the bundle is and how to call it.
 * {@code label_transform} is absent (null) for bundles without one, so their bytes did not change
 * when it was added.
 */
record BundleManifest(
    @JsonProperty("format_version") int formatVersion,
    Task task,
    String label,
    List<String> classes,
    @JsonProperty("positive_class") String positiveClass,
    String trainer,
    List<TensorSpec> signature,
    @JsonProperty("label_transform") LabelTransform labelTransform) {}
