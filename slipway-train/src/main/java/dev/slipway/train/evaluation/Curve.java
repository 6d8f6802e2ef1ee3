package dev.slipway.train.evaluation;

/**
 * A curve as parallel arrays of points, in the order scikit-learn returns them. Treat the arrays as
 * read-only.
 *
 * @param x the horizontal coordinates (ROC: false positive rate; PR: recall; calibration: mean
 *     predicted probability per non-empty bin)
 * @param y the vertical coordinates (ROC: true positive rate; PR: precision; calibration: fraction
 *     of positives per non-empty bin)
 */
public record Curve(double[] x, double[] y) {
  public Curve {
    if (x.length != y.length) {
      throw new IllegalArgumentException("a curve needs as many x as y values");
    }
  }

  /** Number of points. */
  public int size() {
    return x.length;
  }
}
