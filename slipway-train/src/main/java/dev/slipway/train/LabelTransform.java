package dev.slipway.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Task;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A transform of a regression target, applied to the labels before training and undone on every
 * prediction, as scikit-learn's {@code TransformedTargetRegressor} does: the model learns
 * log(price), and everything downstream — evaluation, gates, serving — sees prices. Recorded in
 * the bundle manifest as {@code label_transform}.
 */
public enum LabelTransform {
  /** The natural log; every label must be above 0. */
  LOG("log", 0, Math::log, Math::exp),
  /** log(1 + y), for targets with zeros such as counts; every label must be above -1. */
  LOG1P("log1p", -1, Math::log1p, Math::expm1);

  private final String id;
  private final double above;
  private final DoubleUnaryOperator forward;
  private final DoubleUnaryOperator inverse;

  LabelTransform(String id, double above, DoubleUnaryOperator forward, DoubleUnaryOperator inverse) {
    this.id = id;
    this.above = above;
    this.forward = forward;
    this.inverse = inverse;
  }

  /** The name pipelines use, e.g. {@code log}. */
  @JsonValue
  public String id() {
    return id;
  }

  /** A model output mapped back to the label's scale. */
  public double inverse(double value) {
    return inverse.applyAsDouble(value);
  }

  /**
   * The transform named {@code id}.
   *
   * @throws InvalidInputException naming the value and the known transforms
   */
  @JsonCreator
  public static LabelTransform parse(String id) {
    for (LabelTransform t : values()) {
      if (t.id.equals(id)) {
        return t;
      }
    }
    throw new InvalidInputException("label_transform is '" + id + "'; expected one of " + known());
  }

  /** The names of all transforms, e.g. {@code log, log1p}. */
  public static String known() {
    return String.join(", ", java.util.Arrays.stream(values()).map(LabelTransform::id).toList());
  }

  /**
   * The labels on the transformed scale.
   *
   * @param column the label column's name, for messages
   * @throws InvalidInputException for classification labels, or a label outside the transform's
   *     domain, naming the row and value
   */
  public Labels apply(Labels y, String column) {
    if (y.task() != Task.REGRESSION) {
      throw new InvalidInputException(
          "label_transform '" + id + "' applies to regression; label column '" + column
              + "' holds classes");
    }
    double[] out = new double[y.size()];
    for (int r = 0; r < out.length; r++) {
      double v = y.values()[r];
      if (!(v > above)) {
        throw new InvalidInputException(
            "label column '" + column + "' is " + format(v) + " at row " + r + "; label_transform '"
                + id + "' needs every label above " + format(above)
                + (this == LOG ? " (log1p takes labels above -1)" : ""));
      }
      out[r] = forward.applyAsDouble(v);
    }
    return new Labels(Task.REGRESSION, List.of(), null, out);
  }

  private static String format(double v) {
    return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
