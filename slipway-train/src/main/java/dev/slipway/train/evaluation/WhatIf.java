package dev.slipway.train.evaluation;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Predictions;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.train.ModelBundle;
import java.util.ArrayList;
import java.util.List;

/**
 * A what-if: the model's prediction for one row, and for the same row with one feature changed.
 *
 * @param column the changed column
 * @param before the column's original value as text (null when missing)
 * @param after the value tried (null for missing)
 * @param original the prediction for the unchanged row
 * @param changed the prediction for the changed row
 */
public record WhatIf(String column, String before, String after, Predictions original, Predictions changed) {

  /**
   * Predicts {@code rows[row]} as it is and with {@code column} set to {@code value} (null =
   * missing).
   *
   * @throws InvalidInputException when the row is out of range, the column is absent or not an
   *     input of the model, or a numeric column gets text
   */
  public static WhatIf of(ModelBundle bundle, Table rows, int row, String column, String value) {
    if (row < 0 || row >= rows.rowCount()) {
      throw new InvalidInputException(
          "row " + row + " is out of range; the data has " + rows.rowCount() + " rows");
    }
    if (bundle.inputSchema().feature(column).isEmpty()) {
      throw new InvalidInputException(
          "'" + column + "' is not an input of the model; its inputs are "
              + String.join(", ", bundle.inputSchema().features().stream().map(f -> f.name()).toList()));
    }
    Table one = rows.without(bundle.label()).take(new int[] {row});
    List<Column> columns = new ArrayList<>();
    for (Column c : one.columns()) {
      columns.add(c.name().equals(column) ? replaced(c, value) : c);
    }
    return new WhatIf(column, one.column(column).text(0), value, bundle.predict(one), bundle.predict(new Table(columns)));
  }

  private static Column replaced(Column c, String value) {
    if (c instanceof NumericColumn) {
      double v;
      try {
        v = value == null ? Double.NaN : Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new InvalidInputException(
            "column '" + c.name() + "' is numeric; '" + value + "' is not a number", e);
      }
      return new NumericColumn(c.name(), new double[] {v});
    }
    return new StringColumn(c.name(), new String[] {value});
  }
}
