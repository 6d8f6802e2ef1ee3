package dev.slipway.core;

/** The type of a feature as schemas and statistics see it (TFDV's INT / FLOAT / STRING). */
public enum FeatureType {
  INT,
  FLOAT,
  STRING;

  public boolean isNumeric() {
    return this != STRING;
  }
}
