package dev.slipway.core;

import java.util.List;
import java.util.Optional;

/**
 * What a dataset is expected to look like: the columns, their types, whether values may be
 * missing and, for categorical strings, the allowed values. Inferred from training statistics,
 * then stored (as YAML) so that people can curate it. Persisted format: see {@code docs/formats.md}.
 */
public record Schema(List<Feature> features) {

  public Schema {
    features = List.copyOf(features);
  }

  public Optional<Feature> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The same schema without the named feature (used to drop the label at serving time). */
  public Schema without(String name) {
    return new Schema(features.stream().filter(f -> !f.name().equals(name)).toList());
  }

  /**
   * Expectations for one column.
   *
   * @param name column name
   * @param type expected type
   * @param required true when every row must have a value (TFDV {@code min_fraction = 1})
   * @param domain allowed values of a categorical STRING column; null when unrestricted
   */
  public record Feature(String name, FeatureType type, boolean required, List<String> domain) {
    public Feature {
      domain = domain == null ? null : List.copyOf(domain);
    }
  }
}
