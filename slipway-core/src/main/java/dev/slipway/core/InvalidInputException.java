package dev.slipway.core;

/** Input supplied by a user (a file, a request, a parameter) is malformed or inconsistent. */
public class InvalidInputException extends SlipwayException {
  public InvalidInputException(String message) {
    super(message);
  }

  public InvalidInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
