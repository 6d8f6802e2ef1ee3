package dev.slipway.cli;

import dev.slipway.pipeline.ProgressListener;
import dev.slipway.pipeline.StepResult;
import dev.slipway.store.ExecutionState;
import java.io.PrintWriter;
import java.util.Locale;

/** Prints one line per step: {@code [ 3/10] train_statistics   ran 0.04s  20 features, ...}. */
final class ConsoleProgress implements ProgressListener {
  private final PrintWriter out;

  ConsoleProgress(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void stepStarted(int index, int total, String step, String component) {
    out.printf(Locale.ROOT, "[%2d/%d] %-18s ", index, total, step);
    out.flush();
  }

  @Override
  public void stepNote(String step, String note) {}

  @Override
  public void stepFinished(int index, int total, StepResult result) {
    if (result.state() == ExecutionState.CACHED) {
      out.println("cached");
    } else {
      out.printf(
          Locale.ROOT,
          "ran %.2fs  %s%n",
          result.duration().toMillis() / 1000.0,
          String.join("; ", result.notes()));
    }
    out.flush();
  }
}
