package dev.slipway.data.drift;

import dev.slipway.core.Schema;

/** What two datasets are compared for; picks the schema's comparator and the environment. */
public enum Comparison {
  /** Span N (current) against span N-1 (baseline): the feature's {@code drift_comparator}. */
  DRIFT,
  /**
   * Serving data (current) against training data (baseline): the feature's {@code
   * skew_comparator}; features not in the SERVING environment (the label) are left out.
   */
  SKEW;

  Schema.Thresholds of(Schema.Feature feature) {
    return this == DRIFT ? feature.driftComparator() : feature.skewComparator();
  }

  String noun() {
    return this == DRIFT ? "drift" : "skew";
  }
}
