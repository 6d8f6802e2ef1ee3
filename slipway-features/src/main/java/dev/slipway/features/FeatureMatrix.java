package dev.slipway.features;

import java.util.Arrays;
import java.util.List;

/**
 * A dense matrix of model inputs, row-major: the value of column {@code c} in row {@code r} is
 * {@code values[r * cols() + c]}. Produced by {@link TransformGraph#apply}; never contains NaN
 * when produced that way. Treat the array as read-only.
 *
 * @param names one name per column, e.g. {@code age} or {@code purpose=radio/tv}
 * @param rows number of rows
 * @param values {@code rows * names.size()} values
 */
public record FeatureMatrix(List<String> names, int rows, double[] values) {

  public FeatureMatrix {
    names = List.copyOf(names);
    if (rows < 0) {
      throw new IllegalArgumentException("rows is " + rows + "; expected >= 0");
    }
    if ((long) rows * names.size() != values.length) {
      throw new IllegalArgumentException(
          "a "
              + rows
              + " x "
              + names.size()
              + " matrix needs "
              + (long) rows * names.size()
              + " values, got "
              + values.length);
    }
  }

  public int cols() {
    return names.size();
  }

  public double get(int row, int col) {
    return values[row * names.size() + col];
  }

  /**
   * Refuses a matrix with a NaN or infinite value, for learners that cannot treat one as missing.
   *
   * @throws dev.slipway.core.InvalidInputException naming the feature, the value and the row
   */
  public void checkFinite() {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new dev.slipway.core.InvalidInputException(
            "feature '" + names.get(i % names.size()) + "' is " + values[i] + " at row "
                + i / names.size() + "; this trainer needs finite inputs (impute missing values)");
      }
    }
  }

  /** The values as floats, row-major (the form XGBoost takes). */
  public float[] toFloats() {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = (float) values[i];
    }
    return out;
  }

  /** A new matrix holding the given rows, in the given order. */
  public FeatureMatrix take(int[] rowIndexes) {
    int cols = cols();
    double[] out = new double[rowIndexes.length * cols];
    for (int i = 0; i < rowIndexes.length; i++) {
      System.arraycopy(values, rowIndexes[i] * cols, out, i * cols, cols);
    }
    return new FeatureMatrix(names, rowIndexes.length, out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FeatureMatrix other
        && rows == other.rows
        && names.equals(other.names)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * names.hashCode() + rows) + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "FeatureMatrix[" + rows + " x " + names.size() + "]";
  }
}
