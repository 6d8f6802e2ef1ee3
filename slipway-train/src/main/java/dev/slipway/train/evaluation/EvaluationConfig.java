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
 * @param importanceRows at most this many rows, a seeded sample, are permuted (scikit-learn's
 *     {@code max_samples}): the cost is features × repeats × rows predictions, which on wide data
 *     (784 pixels) would dwarf the evaluation itself; default {@value #DEFAULT_IMPORTANCE_ROWS}
 * @param seed the only source of randomness (permutation importance); default {@value
 *     #DEFAULT_SEED}
 */
public record EvaluationConfig(
    List<SliceSpec> slices,
    List<Double> thresholds,
    int importanceRepeats,
    int importanceRows,
    long seed) {
  public static final long DEFAULT_SEED = 42;
  public static final int DEFAULT_IMPORTANCE_ROWS = 1000;
  public static final List<Double> DEFAULT_THRESHOLDS =
      List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

  public EvaluationConfig {
    slices = List.copyOf(slices);
    thresholds = List.copyOf(thresholds);
    if (importanceRepeats < 0) {
      throw new IllegalArgumentException("importanceRepeats must be at least 0, got " + importanceRepeats);
    }
    if (importanceRows < 1) {
      throw new IllegalArgumentException("importanceRows must be at least 1, got " + importanceRows);
    }
  }

  /** Overall metrics, plots and default thresholds; no slices, no permutation importance. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(
        List.of(), DEFAULT_THRESHOLDS, 0, DEFAULT_IMPORTANCE_ROWS, DEFAULT_SEED);
  }

  public EvaluationConfig withSlices(List<SliceSpec> slices) {
    return new EvaluationConfig(slices, thresholds, importanceRepeats, importanceRows, seed);
  }

  public EvaluationConfig withImportance(int repeats) {
    return new EvaluationConfig(slices, thresholds, repeats, importanceRows, seed);
  }

  public EvaluationConfig withImportanceRows(int rows) {
    return new EvaluationConfig(slices, thresholds, importanceRepeats, rows, seed);
  }
}
