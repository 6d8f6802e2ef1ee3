package dev.slipway.cli;

import dev.slipway.core.SlipwayException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Entry point of the {@code slipway} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
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
