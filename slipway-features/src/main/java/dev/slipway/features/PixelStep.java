package dev.slipway.features;

import dev.slipway.core.Table;
import java.util.List;

/**
 * Pixel scaling: each pixel column divided by {@link #scale} (e.g. 255 maps 8-bit intensities to
 * 0..1); a missing pixel is 0. The columns are those whose name starts with the spec's prefix in
 * the training table, in table order.
 *
 * @param columns the pixel columns
 * @param scale the divisor, {@code > 0}
 */
record PixelStep(List<String> columns, double scale) implements TransformGraph.Step {

  PixelStep {
    columns = List.copyOf(columns);
  }

  @Override
  public List<String> inputColumns() {
    return columns;
  }

  @Override
  public List<String> outputNames() {
    return columns;
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    for (int c = 0; c < columns.size(); c++) {
      double[] x = ColumnPrep.numbers(rows.column(columns.get(c)));
      for (int r = 0; r < x.length; r++) {
        out[r * stride + offset + c] = Double.isNaN(x[r]) ? 0.0 : x[r] / scale;
      }
    }
  }
}
