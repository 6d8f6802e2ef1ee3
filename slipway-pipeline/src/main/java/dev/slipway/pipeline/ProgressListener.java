package dev.slipway.pipeline;

/** Receives progress of a pipeline run, e.g. to print it. Called on the executor's thread. */
public interface ProgressListener {

  void stepStarted(int index, int total, String step, String component);

  /** A short note from a running step (e.g. "800 train / 200 eval rows"). */
  void stepNote(String step, String note);

  void stepFinished(int index, int total, StepResult result);

  static ProgressListener silent() {
    return new ProgressListener() {
      @Override
      public void stepStarted(int index, int total, String step, String component) {}

      @Override
      public void stepNote(String step, String note) {}

      @Override
      public void stepFinished(int index, int total, StepResult result) {}
    };
  }
}
