package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Task;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code class_weight} parameter shared by the classifiers: {@code none} (every row weighs 1),
 * {@code balanced} (scikit-learn's rule: a row of class {@code c} weighs {@code n / (k * n_c)}) or
 * a map from class label to a positive weight (classes not named weigh 1).
 */
public final class ClassWeights {
  /** The parameter's name. */
  public static final String PARAMETER = "class_weight";
  static final String NONE = "none";
  static final String BALANCED = "balanced";

  private ClassWeights() {}

  /**
   * The canonical form of a {@code class_weight} value: {@code none}, {@code balanced} or a sorted
   * map of class label to weight.
   *
   * @throws InvalidInputException naming the trainer, the value and what is allowed
   */
  static Object resolve(String trainer, Object value) {
    if (value instanceof String s && (s.equals(NONE) || s.equals(BALANCED))) {
      return s;
    }
    if (value instanceof Map<?, ?> map && !map.isEmpty()) {
      Map<String, Double> out = new TreeMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        double w = weight(e.getValue());
        if (!(w > 0) || Double.isInfinite(w)) {
          throw new InvalidInputException(
              "parameter '" + PARAMETER + "' of trainer '" + trainer + "' gives class '"
                  + e.getKey() + "' the weight " + e.getValue()
                  + "; expected a number in (0, inf)");
        }
        out.put(String.valueOf(e.getKey()), w);
      }
      return java.util.Collections.unmodifiableMap(out);
    }
    throw new InvalidInputException(
        "parameter '" + PARAMETER + "' of trainer '" + trainer + "' is "
            + (value instanceof String ? "'" + value + "'" : value)
            + "; expected none, balanced or a map from class to weight, e.g. {bad: 2.0}");
  }

  private static double weight(Object value) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(String.valueOf(value).trim());
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /**
   * One weight per row, or null when every row weighs 1.
   *
   * @throws InvalidInputException when weights are asked for regression labels, or the map names
   *     a class that is not among the labels' classes
   */
  public static float[] perRow(String trainer, Object resolved, Labels y) {
    if (NONE.equals(resolved)) {
      return null;
    }
    if (y.task() != Task.CLASSIFICATION) {
      throw new InvalidInputException(
          "parameter '" + PARAMETER + "' of trainer '" + trainer
              + "' applies to classification only; remove it for regression");
    }
    int k = y.classes().size();
    double[] byClass = new double[k];
    if (BALANCED.equals(resolved)) {
      int[] counts = new int[k];
      for (int c : y.classIndex()) {
        counts[c]++;
      }
      for (int c = 0; c < k; c++) {
        byClass[c] = counts[c] == 0 ? 1.0 : (double) y.size() / (k * (double) counts[c]);
      }
    } else {
      java.util.Arrays.fill(byClass, 1.0);
      ((Map<?, ?>) resolved).forEach((cls, w) -> {
        int c = y.classes().indexOf(String.valueOf(cls));
        if (c < 0) {
          throw new InvalidInputException(
              "parameter '" + PARAMETER + "' of trainer '" + trainer + "' names class '" + cls
                  + "', which is not among the label's classes " + y.classes());
        }
        byClass[c] = ((Number) w).doubleValue();
      });
    }
    float[] out = new float[y.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = (float) byClass[y.classIndex()[r]];
    }
    return out;
  }
}
