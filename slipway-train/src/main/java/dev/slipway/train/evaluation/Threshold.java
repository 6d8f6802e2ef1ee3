package dev.slipway.train.evaluation;

import dev.slipway.core.InvalidInputException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A validation gate on one metric, overall or on one slice, with TFMA's semantics: a value
 * threshold ({@code GenericValueThreshold}: the value must lie within [lower, upper], an unset
 * bound being unbounded) and/or a change threshold against a baseline model ({@code
 * GenericChangeThreshold}: with {@code diff = candidate - baseline} and {@code relative = diff /
 * baseline}, higher-is-better requires {@code diff >= absolute} and {@code relative >= relative};
 * lower-is-better requires {@code <=}). A change threshold is ignored when there is no baseline.
 *
 * @param metric a metric name as in the report ({@code roc_auc}, or on a slice also a fairness rate
 *     such as {@code fpr})
 * @param slice a slice name ({@code column=value}, {@code a=x, b=y}); null for overall
 * @param lowerBound value threshold lower bound, or null
 * @param upperBound value threshold upper bound, or null
 * @param direction the change threshold's direction; null when there is no change threshold
 * @param absolute allowed absolute change, or null
 * @param relative allowed relative change (a fraction: -0.05 = 5 % worse), or null
 */
public record Threshold(
    String metric,
    String slice,
    Double lowerBound,
    Double upperBound,
    Direction direction,
    Double absolute,
    Double relative) {

  /** Which way a metric improves. */
  public enum Direction {
    HIGHER_IS_BETTER,
    LOWER_IS_BETTER;

    String words() {
      return this == HIGHER_IS_BETTER ? "higher is better" : "lower is better";
    }
  }

  private static final Set<String> KEYS =
      Set.of("metric", "slice", "lower_bound", "upper_bound", "direction", "absolute", "relative");

  public Threshold {
    if (metric == null || metric.isBlank()) {
      throw new InvalidInputException("a threshold needs a 'metric', e.g. metric: roc_auc");
    }
    if (direction == null && (absolute != null || relative != null)) {
      throw new InvalidInputException(
          "threshold on '" + metric + "' has an absolute/relative change but no 'direction';"
              + " add direction: higher_is_better or lower_is_better");
    }
    if (direction != null && absolute == null && relative == null) {
      throw new InvalidInputException(
          "threshold on '" + metric + "' has a direction but neither 'absolute' nor 'relative'");
    }
    if (lowerBound == null && upperBound == null && direction == null) {
      throw new InvalidInputException(
          "threshold on '" + metric + "' sets nothing; give lower_bound, upper_bound or a change"
              + " (direction with absolute and/or relative)");
    }
  }

  /** A value threshold: {@code lower <= value <= upper} (either may be null). */
  public static Threshold value(String metric, Double lower, Double upper) {
    return new Threshold(metric, null, lower, upper, null, null, null);
  }

  /** A change threshold against the baseline. */
  public static Threshold change(String metric, Direction direction, Double absolute, Double relative) {
    return new Threshold(metric, null, null, null, direction, absolute, relative);
  }

  /** The same threshold applied to one slice. */
  public Threshold onSlice(String sliceName) {
    return new Threshold(metric, sliceName, lowerBound, upperBound, direction, absolute, relative);
  }

  /** Whether this threshold compares with a baseline. */
  public boolean isChange() {
    return direction != null;
  }

  /**
   * Parses the pipeline-file form, e.g. {@code {metric: roc_auc, lower_bound: 0.7}} or {@code
   * {metric: roc_auc, direction: higher_is_better, absolute: -0.02}}.
   *
   * @param where names the place in the file for messages, e.g. "step 'evaluate' thresholds[0]"
   * @throws InvalidInputException naming the key, the value and the fix
   */
  public static Threshold fromMap(Map<?, ?> map, String where) {
    for (Object key : map.keySet()) {
      if (!KEYS.contains(String.valueOf(key))) {
        throw new InvalidInputException(
            where + " has unknown key '" + key + "'; the keys are " + String.join(", ", KEYS.stream().sorted().toList()));
      }
    }
    Object dir = map.get("direction");
    Direction direction = null;
    if (dir != null) {
      try {
        direction = Direction.valueOf(dir.toString().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new InvalidInputException(
            where + " direction is '" + dir + "'; expected higher_is_better or lower_is_better", e);
      }
    }
    Object slice = map.get("slice");
    try {
      return new Threshold(
          map.get("metric") == null ? null : map.get("metric").toString(),
          slice == null ? null : slice.toString(),
          number(map, "lower_bound", where),
          number(map, "upper_bound", where),
          direction,
          number(map, "absolute", where),
          number(map, "relative", where));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(where + ": " + e.getMessage(), e);
    }
  }

  private static Double number(Map<?, ?> map, String key, String where) {
    Object v = map.get(key);
    if (v == null) {
      return null;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(where + " " + key + " is '" + v + "'; expected a number", e);
    }
  }

  /** Where the metric is read, for messages: {@code (overall)} or {@code on slice 'x=y'}. */
  String place() {
    return slice == null ? "(overall)" : "on slice '" + slice + "'";
  }
}
