package dev.slipway.pipeline;

import dev.slipway.core.SlipwayException;

/** A step failed; the message says which step and why. The cause is the step's own error. */
public class StepFailedException extends SlipwayException {
  private final String step;

  public StepFailedException(String step, SlipwayException cause) {
    super("step '" + step + "' failed: " + cause.getMessage(), cause);
    this.step = step;
  }

  public String step() {
    return step;
  }
}
