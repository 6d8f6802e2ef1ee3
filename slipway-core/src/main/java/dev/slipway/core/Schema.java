package dev.slipway.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;

/**
 * What a dataset is expected to look like: the columns, their types, whether values may be
 * missing, for categorical strings the allowed values, for numbers the allowed range, in which
 * environments a column is absent (the label at serving), and how far its distribution may move
 * between spans (drift) or between training and serving (skew). Inferred from training
 * statistics, then stored (as YAML) so that people can curate it. Modelled on TFDV's
 * {@code schema.proto}; persisted format: see {@code docs/formats.md} and {@code
 * docs/data-validation.md}.
 *
 * <p>Every component added after the first release is nullable and left out of the encoding when
 * null, so a schema that uses none of them encodes to the same bytes as before (model bundles and
 * content digests stay stable).
 *
 * @param version the format version of a schema file ({@link #CURRENT_VERSION}); null in schemas
 *     embedded in other artifacts
 * @param defaultEnvironments the environments a dataset is validated in when none is named, e.g.
 *     {@code [TRAINING, SERVING]}; null means {@link #DEFAULT_ENVIRONMENTS}
 * @param features one entry per column, in column order
 */
public record Schema(
    Integer version,
    @JsonProperty("default_environments") List<String> defaultEnvironments,
    List<Feature> features) {

  /** The schema file format this code writes and the newest it reads. */
  public static final int CURRENT_VERSION = 1;

  /** The environment of training data. */
  public static final String TRAINING = "TRAINING";

  /** The environment of serving requests, which carry no label. */
  public static final String SERVING = "SERVING";

  /** TFDV's canonical pair. */
  public static final List<String> DEFAULT_ENVIRONMENTS = List.of(TRAINING, SERVING);

  public Schema {
    features = List.copyOf(features);
    defaultEnvironments = defaultEnvironments == null ? null : List.copyOf(defaultEnvironments);
  }

  /** A schema with features only (no version, default environments). */
  public Schema(List<Feature> features) {
    this(null, null, features);
  }

  public Optional<Feature> feature(String name) {
    return features.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The same schema without the named feature (used to drop the label at serving time). */
  public Schema without(String name) {
    return new Schema(
        version, defaultEnvironments, features.stream().filter(f -> !f.name().equals(name)).toList());
  }

  /** The same schema with a different feature list. */
  public Schema withFeatures(List<Feature> replacement) {
    return new Schema(version, defaultEnvironments, replacement);
  }

  /**
   * The features expected in an environment: those whose {@code not_in_environment} does not name
   * it (TFDV's environment filter). A null environment keeps every feature.
   */
  public Schema inEnvironment(String environment) {
    if (environment == null) {
      return this;
    }
    return withFeatures(features.stream().filter(f -> f.isIn(environment)).toList());
  }

  /** The environments to validate in: {@link #defaultEnvironments()} or the TFDV pair. */
  public List<String> environments() {
    return defaultEnvironments == null ? DEFAULT_ENVIRONMENTS : defaultEnvironments;
  }

  /**
   * Expectations for one column.
   *
   * @param name column name
   * @param type expected type
   * @param required true when every row must have a value (TFDV {@code min_fraction = 1})
   * @param domain allowed values of a categorical STRING column; null when unrestricted
   * @param min smallest allowed value of a numeric column; null when unbounded
   * @param max largest allowed value of a numeric column; null when unbounded
   * @param notInEnvironment environments in which the column is absent (the label: SERVING)
   * @param driftComparator thresholds for span N vs span N-1; null for the documented defaults
   * @param skewComparator thresholds for training vs serving; null for the documented defaults
   */
  public record Feature(
      String name,
      FeatureType type,
      boolean required,
      List<String> domain,
      Double min,
      Double max,
      @JsonProperty("not_in_environment") List<String> notInEnvironment,
      @JsonProperty("drift_comparator") Thresholds driftComparator,
      @JsonProperty("skew_comparator") Thresholds skewComparator) {

    public Feature {
      domain = domain == null ? null : List.copyOf(domain);
      notInEnvironment = notInEnvironment == null ? null : List.copyOf(notInEnvironment);
    }

    /** A feature with a type, presence and domain only (no range, environments or thresholds). */
    public Feature(String name, FeatureType type, boolean required, List<String> domain) {
      this(name, type, required, domain, null, null, null, null, null);
    }

    /** True unless {@code not_in_environment} names the environment. */
    public boolean isIn(String environment) {
      return notInEnvironment == null || !notInEnvironment.contains(environment);
    }

    /** The same feature with a value range. */
    public Feature withRange(Double low, Double high) {
      return new Feature(
          name, type, required, domain, low, high, notInEnvironment, driftComparator, skewComparator);
    }

    /** The same feature, absent in the given environments. */
    public Feature withNotInEnvironment(List<String> environments) {
      return new Feature(
          name, type, required, domain, min, max, environments, driftComparator, skewComparator);
    }

    /** The same feature with drift and skew thresholds. */
    public Feature withComparators(Thresholds drift, Thresholds skew) {
      return new Feature(name, type, required, domain, min, max, notInEnvironment, drift, skew);
    }
  }

  /**
   * Per-feature comparator thresholds (TFDV's {@code FeatureComparator}, plus PSI and a p-value).
   * A null component means "use the default" ({@code dev.slipway.data.drift.Thresholds defaults});
   * a value means "flag when the measured distance exceeds it" (for {@code pValue}: when the
   * p-value falls below it).
   *
   * @param infinityNorm largest allowed L-infinity distance between categorical frequencies
   * @param jensenShannonDivergence largest allowed approximate JS divergence (log2, in [0, 1])
   * @param psi largest allowed population stability index
   * @param pValue smallest allowed p-value of KS / chi-squared before correction
   */
  public record Thresholds(
      @JsonProperty("infinity_norm") Double infinityNorm,
      @JsonProperty("jensen_shannon_divergence") Double jensenShannonDivergence,
      Double psi,
      @JsonProperty("p_value") Double pValue) {}
}
