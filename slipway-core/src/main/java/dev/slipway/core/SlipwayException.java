package dev.slipway.core;

/**
 * Root of Slipway's exceptions. The message is written for the person at the keyboard: it names
 * the thing that is wrong (file, row, column, value, parameter) and, where there is one, the fix.
 */
public class SlipwayException extends RuntimeException {
  public SlipwayException(String message) {
    super(message);
  }

  public SlipwayException(String message, Throwable cause) {
    super(message, cause);
  }
}
