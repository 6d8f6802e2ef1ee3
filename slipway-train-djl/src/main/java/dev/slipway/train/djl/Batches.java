package dev.slipway.train.djl;

import dev.slipway.features.FeatureMatrix;

/** Copies rows of a {@link FeatureMatrix} into the float arrays a forward pass takes. */
final class Batches {
  private Batches() {}

  /** Rows {@code from} to {@code from + rows - 1}, row-major. */
  static float[] rows(FeatureMatrix x, int from, int rows) {
    int cols = x.cols();
    float[] out = new float[rows * cols];
    double[] values = x.values();
    int offset = from * cols;
    for (int i = 0; i < out.length; i++) {
      out[i] = (float) values[offset + i];
    }
    return out;
  }

  /** The rows {@code order[from]} to {@code order[from + rows - 1]}, row-major. */
  static float[] rows(FeatureMatrix x, int[] order, int from, int rows) {
    int cols = x.cols();
    float[] out = new float[rows * cols];
    double[] values = x.values();
    for (int i = 0; i < rows; i++) {
      int offset = order[from + i] * cols;
      for (int c = 0; c < cols; c++) {
        out[i * cols + c] = (float) values[offset + c];
      }
    }
    return out;
  }
}
