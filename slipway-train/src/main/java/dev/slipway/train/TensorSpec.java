package dev.slipway.train;

import dev.slipway.core.FeatureType;

/**
 * One input of a model's signature, named as the Open Inference Protocol names tensor metadata.
 *
 * @param name input column name
 * @param datatype {@code BYTES} (text), {@code FP64} (real) or {@code INT64} (integer)
 */
public record TensorSpec(String name, String datatype) {

  /** The signature entry of a schema feature type. */
  public static TensorSpec of(String name, FeatureType type) {
    return new TensorSpec(
        name,
        switch (type) {
          case STRING -> "BYTES";
          case FLOAT -> "FP64";
          case INT -> "INT64";
        });
  }
}
