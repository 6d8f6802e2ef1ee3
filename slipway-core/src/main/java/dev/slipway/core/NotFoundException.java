package dev.slipway.core;

/** A named thing (model, version, alias, artifact, file) does not exist. */
public class NotFoundException extends SlipwayException {
  public NotFoundException(String message) {
    super(message);
  }
}
