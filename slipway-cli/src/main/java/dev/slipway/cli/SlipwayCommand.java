package dev.slipway.cli;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level command; holds options every subcommand shares. */
@Command(
    name = "slipway",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT, // every subcommand gets --help and --version
    version = "slipway 0.1.0",
    description = "Slipway: repeatable ML pipelines, a model registry with lineage, and model serving.",
    subcommands = {
      QuickstartCommand.class,
      RunCommand.class,
      ServeCommand.class,
      ModelsCommand.class,
      LineageCommand.class,
      EvaluateCommand.class,
      TrainersCommand.class,
      DataCommand.class
    })
public final class SlipwayCommand {

  @Option(
      names = "--home",
      scope = ScopeType.INHERIT,
      description = "Where metadata and artifacts live (default: $SLIPWAY_HOME, else ./.slipway).")
  Path home;

  /** The home directory: --home, then $SLIPWAY_HOME, then ./.slipway. */
  Path home() {
    if (home != null) {
      return home;
    }
    String env = System.getenv("SLIPWAY_HOME");
    return env != null && !env.isBlank() ? Path.of(env) : Path.of(".slipway");
  }
}
