package dev.slipway.features;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import java.util.List;

/**
 * One rewrite of an input column that later output groups see: {@code impute} (replace a missing
 * value by {@link #number} or {@link #text}) or {@code log} ({@code ln(x + number)}). Output groups
 * keep the chain of rewrites of their input, so each group is applied on its own, from the raw
 * column, in exactly the way it was fitted.
 *
 * @param kind {@code impute} or {@code log}
 * @param number the numeric fill (impute of a numeric column) or the log offset
 * @param text the text fill (impute of a string column)
 */
record ColumnPrep(String kind, Double number, String text) {

  static final String IMPUTE = "impute";
  static final String LOG = "log";

  ColumnPrep {
    if (!IMPUTE.equals(kind) && !LOG.equals(kind)) {
      throw new InvalidInputException(
          "column preparation '" + kind + "' is not supported; expected impute or log");
    }
    if ((number == null) == (text == null) || (LOG.equals(kind) && number == null)) {
      throw new InvalidInputException("column preparation '" + kind + "' needs one value");
    }
  }

  /** The column after the given rewrites, of the same kind as its input. */
  static Column prepare(Column raw, List<ColumnPrep> chain) {
    if (chain.isEmpty()) {
      return raw;
    }
    if (chain.stream().anyMatch(p -> p.text != null)) {
      String[] values = new String[raw.size()];
      String fill = chain.getFirst().text;
      for (int r = 0; r < values.length; r++) {
        String v = raw.text(r);
        values[r] = v == null ? fill : v;
      }
      return new StringColumn(raw.name(), values);
    }
    double[] in = numbers(raw);
    double[] out = new double[in.length];
    for (int r = 0; r < in.length; r++) {
      double v = in[r];
      for (ColumnPrep p : chain) {
        if (IMPUTE.equals(p.kind)) {
          v = Double.isNaN(v) ? p.number : v;
        } else if (!Double.isNaN(v)) {
          v = log(raw.name(), r, v, p.number);
        }
      }
      out[r] = v;
    }
    return new NumericColumn(raw.name(), out);
  }

  static double log(String column, int row, double v, double offset) {
    if (!(v + offset > 0)) {
      throw new InvalidInputException(
          "column '"
              + column
              + "' has "
              + v
              + " at row "
              + row
              + "; log(x + "
              + offset
              + ") needs x > "
              + (-offset));
    }
    return Math.log(v + offset);
  }

  /**
   * The values of a column that must hold numbers. A string column whose every value is missing
   * counts as all-missing numbers (a single serving row with an empty cell arrives that way).
   *
   * @throws InvalidInputException when the column holds text or an infinite value
   */
  static double[] numbers(Column column) {
    double[] values;
    if (column instanceof NumericColumn numeric) {
      values = numeric.values();
    } else {
      for (int r = 0; r < column.size(); r++) {
        if (!column.isMissing(r)) {
          throw new InvalidInputException(
              "column '"
                  + column.name()
                  + "' holds text, but the model was trained on numbers in it; send numbers"
                  + " (value at row "
                  + r
                  + ": '"
                  + column.text(r)
                  + "')");
        }
      }
      values = new double[column.size()];
      java.util.Arrays.fill(values, Double.NaN);
    }
    for (int r = 0; r < values.length; r++) {
      if (Double.isInfinite(values[r])) {
        throw new InvalidInputException(
            "column '"
                + column.name()
                + "' has "
                + values[r]
                + " at row "
                + r
                + "; expected a finite number or an empty cell");
      }
    }
    return values;
  }
}
