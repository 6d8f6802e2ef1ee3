package dev.slipway.core;

import java.util.List;

/**
 * A loaded model that turns raw feature rows into predictions, applying whatever preprocessing it
 * was trained with. This is the contract between a model bundle and the model server.
 *
 * <p>Implementations are immutable after loading and safe to call from many threads.
 */
public interface Predictor {

  /** The raw input columns a request must supply (the label excluded). */
  Schema inputSchema();

  Task task();

  /** The class labels, in the order of {@link Predictions#probabilities()} columns; empty for regression. */
  List<String> classes();

  /**
   * Predicts every row. The caller has checked the rows against {@link #inputSchema()}; values
   * unseen at training time are handled by the bundled transform, never rejected.
   */
  Predictions predict(Table rows);
}
