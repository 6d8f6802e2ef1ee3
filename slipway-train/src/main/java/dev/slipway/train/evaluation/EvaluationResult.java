package dev.slipway.train.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An evaluation report (persisted as JSON, format version {@value #FORMAT_VERSION}; see
 * docs/evaluation.md). Immutable.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param task {@code classification} or {@code regression}
 * @param label the label column
 * @param classes class labels in probability order (classification); empty for regression
 * @param positiveClass the class binary metrics treat as positive; null otherwise
 * @param count evaluated rows
 * @param metrics overall metrics (see {@link ClassificationMetrics}, {@link RegressionMetrics})
 * @param slices slice name ({@code column=value}, or {@code a=x, b=y} for a cross) → its metrics
 * @param fairnessGaps binary classification: slicing spec → rate → gap between its groups
 * @param plots data for the report's charts
 * @param permutationImportance input feature → permutation importance; empty when not computed
 * @param gainImportance transformed feature → average split gain (xgboost, lightgbm); empty for
 *     other trainers
 * @param blessing the validation outcome, once thresholds were checked; null before
 */
public record EvaluationResult(
    @JsonProperty("format_version") int formatVersion,
    String task,
    String label,
    List<String> classes,
    @JsonProperty("positive_class") String positiveClass,
    long count,
    Map<String, Double> metrics,
    Map<String, SliceResult> slices,
    @JsonProperty("fairness_gaps") Map<String, Map<String, FairnessGap>> fairnessGaps,
    Plots plots,
    @JsonProperty("permutation_importance") Map<String, Importance> permutationImportance,
    @JsonProperty("gain_importance") Map<String, Double> gainImportance,
    Blessing blessing) {

  /** The report format this code writes. */
  public static final int FORMAT_VERSION = 1;

  /** The same report with a validation outcome. */
  public EvaluationResult withBlessing(Blessing blessing) {
    return new EvaluationResult(
        formatVersion, task, label, classes, positiveClass, count, metrics, slices, fairnessGaps,
        plots, permutationImportance, gainImportance, blessing);
  }

  /** A metric overall ({@code slice} null) or on the named slice; empty when undefined there. */
  public java.util.OptionalDouble metric(String name, String slice) {
    Map<String, Double> source = metrics;
    if (slice != null) {
      SliceResult s = slices.get(slice);
      if (s == null) {
        return java.util.OptionalDouble.empty();
      }
      source = new java.util.HashMap<>(s.metrics());
      if (s.fairness() != null) {
        source.putAll(s.fairness());
      }
    }
    Double v = source.get(name);
    return v == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(v);
  }
}
