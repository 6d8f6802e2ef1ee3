package dev.slipway.features;

import dev.slipway.core.Table;
import java.util.Arrays;
import java.util.List;

/**
 * Quantile buckets: the output is the number of boundaries {@code <=} the prepared value (as
 * {@code numpy.digitize(x, boundaries)}), so {@code 0 .. boundaries.size()}. The boundaries are
 * the training quantiles at {@code 1/n, 2/n, ... (n-1)/n} (numpy's default linear method), with
 * duplicates dropped.
 *
 * @param column input column
 * @param prepare rewrites applied to the column first
 * @param fill replaces a value still missing after {@code prepare}: the training mean
 * @param boundaries ascending, distinct
 */
record BucketStep(String column, List<ColumnPrep> prepare, double fill, List<Double> boundaries)
    implements TransformGraph.Step {

  BucketStep {
    prepare = List.copyOf(prepare);
    boundaries = List.copyOf(boundaries);
  }

  @Override
  public List<String> inputColumns() {
    return List.of(column);
  }

  @Override
  public List<String> outputNames() {
    return List.of(column + ".bucket");
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    double[] x = ColumnPrep.numbers(ColumnPrep.prepare(rows.column(column), prepare));
    double[] b = boundaries.stream().mapToDouble(Double::doubleValue).toArray();
    for (int r = 0; r < x.length; r++) {
      double v = Double.isNaN(x[r]) ? fill : x[r];
      int i = Arrays.binarySearch(b, v);
      // Found: the boundary itself counts (x >= boundary); not found: the insertion point.
      out[r * stride + offset] = i >= 0 ? i + 1 : -i - 1;
    }
  }

  /**
   * The quantile of sorted values as {@code numpy.quantile(values, q)} (method "linear") computes
   * it, including numpy's choice of interpolation formula on either side of 0.5.
   */
  static double quantile(double[] sorted, double q) {
    double index = (sorted.length - 1) * q;
    int lo = (int) Math.floor(index);
    int hi = Math.min(lo + 1, sorted.length - 1);
    double t = index - lo;
    double a = sorted[lo];
    double diff = sorted[hi] - a;
    return t >= 0.5 ? sorted[hi] - diff * (1 - t) : a + diff * t;
  }
}
