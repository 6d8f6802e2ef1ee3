package dev.slipway.features;

import dev.slipway.core.Column;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The training statistics transforms are fitted from. Stateless. */
final class Stats {
  private Stats() {}

  /**
   * Strings in Unicode code-point order (Python's order), which differs from {@link
   * String#compareTo} only for characters outside the Basic Multilingual Plane.
   */
  static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** Population standard deviation (divisor n), as numpy's {@code std} and sklearn's scaler. */
  static double populationStd(double[] values, double mean) {
    double sumSquares = 0;
    for (double v : values) {
      sumSquares += (v - mean) * (v - mean);
    }
    return Math.sqrt(sumSquares / values.length);
  }

  /** The median as numpy computes it: the mean of the two middle values for an even count. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /** How often each present value (by its text) occurs. */
  static Map<String, Integer> counts(Column column) {
    Map<String, Integer> counts = new HashMap<>();
    for (int r = 0; r < column.size(); r++) {
      String v = column.text(r);
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    return counts;
  }

  /** The values, most frequent first, ties in code-point order. */
  static List<String> byFrequency(Map<String, Integer> counts) {
    return counts.keySet().stream()
        .sorted(
            Comparator.<String, Integer>comparing(counts::get, Comparator.reverseOrder())
                .thenComparing(CODE_POINT_ORDER))
        .toList();
  }
}
