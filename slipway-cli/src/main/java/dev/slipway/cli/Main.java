package dev.slipway.cli;

import dev.slipway.core.SlipwayException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Entry point of the {@code slipway} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    quietLibraryLogging();
    System.exit(commandLine().execute(args));
  }

  /**
   * Libraries that log through java.util.logging (Tribuo announces every training run at INFO)
   * would interleave with the progress lines; only their warnings and errors are shown.
   */
  private static void quietLibraryLogging() {
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
  }

  /** The configured command line; tests call {@code execute} on it without exiting. */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new SlipwayCommand());
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          if (e instanceof SlipwayException || e instanceof UncheckedIOException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return 1;
          }
          throw e;
        });
    return cli;
  }
}
