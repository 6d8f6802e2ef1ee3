package dev.slipway.features;

import dev.slipway.core.Table;
import java.util.List;

/**
 * One numeric output: {@code ((missing ? fill : x) - center) / scale} of the prepared column.
 * Fitted by {@code standardize} (training mean and population standard deviation), {@code
 * min_max} (training minimum and range) and {@code passthrough} (0 and 1). A constant column has
 * scale 1.
 *
 * @param op the op that fitted it
 * @param column input column
 * @param prepare rewrites applied to the column first
 * @param fill replaces a value still missing after {@code prepare}: the training mean
 * @param center subtracted
 * @param scale divides
 */
record ScaleStep(
    String op, String column, List<ColumnPrep> prepare, double fill, double center, double scale)
    implements TransformGraph.Step {

  ScaleStep {
    prepare = List.copyOf(prepare);
  }

  @Override
  public List<String> inputColumns() {
    return List.of(column);
  }

  @Override
  public List<String> outputNames() {
    return List.of(column);
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    double[] x = ColumnPrep.numbers(ColumnPrep.prepare(rows.column(column), prepare));
    for (int r = 0; r < x.length; r++) {
      out[r * stride + offset] = ((Double.isNaN(x[r]) ? fill : x[r]) - center) / scale;
    }
  }
}
