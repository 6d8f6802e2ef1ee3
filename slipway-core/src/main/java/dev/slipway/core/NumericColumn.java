package dev.slipway.core;

import java.util.Arrays;

/** A numeric column; {@code Double.NaN} marks a missing value. */
public record NumericColumn(String name, double[] values) implements Column {

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return Double.isNaN(values[row]);
  }

  public double get(int row) {
    return values[row];
  }

  @Override
  public NumericColumn take(int[] rows) {
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new NumericColumn(name, out);
  }

  @Override
  public String text(int row) {
    double v = values[row];
    if (Double.isNaN(v)) {
      return null;
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return Double.toString(v);
  }

  /** True when every present value is a whole number (the column is an INT feature). */
  public boolean isIntegral() {
    for (double v : values) {
      if (!Double.isNaN(v) && (v != Math.rint(v) || Double.isInfinite(v))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumericColumn other
        && name.equals(other.name)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "NumericColumn[" + name + ", " + values.length + " rows]";
  }
}
