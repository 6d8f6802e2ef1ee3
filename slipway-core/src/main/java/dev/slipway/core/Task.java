package dev.slipway.core;

/** What a model predicts. */
public enum Task {
  /** A label from a fixed set of classes, with a probability per class. */
  CLASSIFICATION,
  /** A real number. */
  REGRESSION
}
