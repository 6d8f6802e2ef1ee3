package dev.slipway.train.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Checks a candidate's evaluation against thresholds and, for change thresholds, a baseline's
 * evaluation on the same data (TFMA model validation). Stateless; thread-safe.
 */
public final class ModelValidator {
  private ModelValidator() {}

  /**
   * Validates.
   *
   * @param candidate the candidate's evaluation
   * @param baseline the baseline's evaluation on the same data, or null on a first run (change
   *     thresholds are then ignored and noted)
   * @param baselineName how to name the baseline in reasons, e.g. {@code credit:3}; may be null
   * @param thresholds the gates
   * @return blessed when every checked threshold passes; a metric undefined where a threshold reads
   *     it fails that threshold
   */
  public static Blessing validate(
      EvaluationResult candidate, EvaluationResult baseline, String baselineName, List<Threshold> thresholds) {
    List<String> reasons = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int checked = 0;
    for (Threshold t : thresholds) {
      if (t.slice() != null && !candidate.slices().containsKey(t.slice())) {
        reasons.add(t.metric() + " " + t.place() + " cannot be checked: the evaluation has no such"
            + " slice; its slices are " + String.join(", ", candidate.slices().keySet()));
        checked++;
        continue;
      }
      OptionalDouble value = candidate.metric(t.metric(), t.slice());
      if (t.lowerBound() != null || t.upperBound() != null) {
        checked++;
        if (value.isEmpty()) {
          reasons.add(t.metric() + " " + t.place() + " is undefined, so its value threshold fails");
        } else {
          valueCheck(t, value.getAsDouble()).ifPresent(reasons::add);
        }
      }
      if (t.isChange()) {
        if (baseline == null) {
          notes.add("no baseline model: the change threshold on " + t.metric() + " " + t.place() + " was ignored");
          continue;
        }
        checked++;
        OptionalDouble base = baseline.metric(t.metric(), t.slice());
        if (value.isEmpty() || base.isEmpty()) {
          reasons.add(t.metric() + " " + t.place() + " is undefined for the "
              + (value.isEmpty() ? "candidate" : "baseline") + ", so its change threshold fails");
        } else {
          changeCheck(t, value.getAsDouble(), base.getAsDouble(), baselineName).ifPresent(reasons::add);
        }
      }
    }
    return new Blessing(reasons.isEmpty(), baseline == null ? null : baselineName, checked, reasons, notes);
  }

  private static java.util.Optional<String> valueCheck(Threshold t, double v) {
    if (t.lowerBound() != null && v < t.lowerBound()) {
      return java.util.Optional.of(String.format(Locale.ROOT, "%s %s is %s, below the lower bound %s",
          t.metric(), t.place(), f(v), f(t.lowerBound())));
    }
    if (t.upperBound() != null && v > t.upperBound()) {
      return java.util.Optional.of(String.format(Locale.ROOT, "%s %s is %s, above the upper bound %s",
          t.metric(), t.place(), f(v), f(t.upperBound())));
    }
    return java.util.Optional.empty();
  }

  private static java.util.Optional<String> changeCheck(Threshold t, double v, double base, String baselineName) {
    double diff = v - base;
    double ratio = Math.abs(base) < 1e-12 ? Double.NaN : diff / base;
    boolean higher = t.direction() == Threshold.Direction.HIGHER_IS_BETTER;
    String against = String.format(Locale.ROOT, "%s %s is %s against %s for the baseline%s",
        t.metric(), t.place(), f(v), f(base), baselineName == null ? "" : " " + baselineName);
    if (t.absolute() != null && (higher ? diff < t.absolute() : diff > t.absolute())) {
      return java.util.Optional.of(String.format(Locale.ROOT, "%s: a change of %s, %s the allowed absolute change %s (%s)",
          against, signed(diff), higher ? "below" : "above", signed(t.absolute()), t.direction().words()));
    }
    if (t.relative() != null && !(higher ? ratio >= t.relative() : ratio <= t.relative())) {
      return java.util.Optional.of(String.format(Locale.ROOT, "%s: a relative change of %s, %s the allowed relative change %s (%s)",
          against, Double.isNaN(ratio) ? "undefined (baseline is 0)" : percent(ratio),
          higher ? "below" : "above", percent(t.relative()), t.direction().words()));
    }
    return java.util.Optional.empty();
  }

  private static String f(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  private static String signed(double v) {
    return String.format(Locale.ROOT, "%+.4f", v);
  }

  private static String percent(double v) {
    return String.format(Locale.ROOT, "%+.2f%%", 100 * v);
  }
}
