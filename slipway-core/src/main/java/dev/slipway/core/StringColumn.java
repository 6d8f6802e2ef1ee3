package dev.slipway.core;

import java.util.Arrays;

/** A string (categorical or text) column; {@code null} marks a missing value. */
public record StringColumn(String name, String[] values) implements Column {

  @Override
  public int size() {
    return values.length;
  }

  @Override
  public boolean isMissing(int row) {
    return values[row] == null;
  }

  public String get(int row) {
    return values[row];
  }

  @Override
  public StringColumn take(int[] rows) {
    String[] out = new String[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = values[rows[i]];
    }
    return new StringColumn(name, out);
  }

  @Override
  public String text(int row) {
    return values[row];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StringColumn other
        && name.equals(other.name)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "StringColumn[" + name + ", " + values.length + " rows]";
  }
}
