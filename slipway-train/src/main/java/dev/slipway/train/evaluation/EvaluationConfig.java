package dev.slipway.train.evaluation;

import java.util.List;

/**
 * What to compute beyond the overall metrics.
 *
 * @param slices slicing specs, in report order
 * @param thresholds decision thresholds for the metrics-at-thresholds table (binary); Fairness
 *     Indicators' default is 0.1, 0.2, …, 0.9
 * @param importanceRepeats permutation-importance repeats per feature; 0 skips permutation
 *     importance
 * @param seed the only source of randomness (permutation importance); default {@value
 *     #DEFAULT_SEED}
 */
public record EvaluationConfig(
    List<SliceSpec> slices, List<Double> thresholds, int importanceRepeats, long seed) {
  public static final long DEFAULT_SEED = 42;
  public static final List<Double> DEFAULT_THRESHOLDS =
      List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

  public EvaluationConfig {
    slices = List.copyOf(slices);
    thresholds = List.copyOf(thresholds);
    if (importanceRepeats < 0) {
      throw new IllegalArgumentException("importanceRepeats must be at least 0, got " + importanceRepeats);
    }
  }

  /** Overall metrics, plots and default thresholds; no slices, no permutation importance. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(List.of(), DEFAULT_THRESHOLDS, 0, DEFAULT_SEED);
  }

  public EvaluationConfig withSlices(List<SliceSpec> slices) {
    return new EvaluationConfig(slices, thresholds, importanceRepeats, seed);
  }

  public EvaluationConfig withImportance(int repeats) {
    return new EvaluationConfig(slices, thresholds, repeats, seed);
  }
}
