package dev.slipway.core;

import java.util.List;

/**
 * The result of validating a dataset against a schema: empty when the data is as expected.
 *
 * @param items one entry per problem found
 */
public record Anomalies(List<Anomaly> items) {

  public Anomalies {
    items = List.copyOf(items);
  }

  public boolean isEmpty() {
    return items.isEmpty();
  }

  /**
   * One problem.
   *
   * @param code stable machine-readable code, e.g. {@code OUT_OF_DOMAIN}
   * @param feature the column concerned, or null for dataset-level problems
   * @param message a sentence for people
   */
  public record Anomaly(String code, String feature, String message) {}
}
