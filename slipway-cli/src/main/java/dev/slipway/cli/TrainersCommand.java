package dev.slipway.cli;

import dev.slipway.core.Task;
import dev.slipway.train.ParameterSpec;
import dev.slipway.train.Trainer;
import dev.slipway.train.Trainers;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway trainers [NAME]}: the trainers this installation has (built in and plugins), and
 * one trainer's parameters with their defaults and allowed ranges — what a train step's {@code
 * hyperparameters} may say.
 */
@Command(
    name = "trainers",
    description = "List the trainers, or show one trainer's parameters, defaults and ranges.")
final class TrainersCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "NAME", arity = "0..1", description = "Show this trainer's parameters.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (name != null) {
      show(out, Trainers.find(name));
      return 0;
    }
    out.printf(Locale.ROOT, "%-20s %-28s %s%n", "NAME", "TASKS", "PARAMETERS");
    for (Trainer t : Trainers.all()) {
      out.printf(Locale.ROOT, "%-20s %-28s %s%n", t.name(), tasks(t),
          t.parameters().stream().map(ParameterSpec::name).collect(Collectors.joining(", ")));
    }
    Trainers.missingPlugins().forEach((missing, how) -> out.println("not installed: " + how));
    return 0;
  }

  private static void show(PrintWriter out, Trainer t) {
    Map<String, String> libraries = t.libraryVersions();
    out.println("trainer " + t.name() + "  (" + tasks(t) + ")"
        + (libraries.isEmpty() ? "" : "  " + libraries.entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))
        + (t.exportsOnnx() ? "  exports ONNX" : ""));
    for (ParameterSpec p : t.parameters()) {
      String allowed = switch (p.kind()) {
        case INTEGER -> "integer in " + p.range();
        case REAL -> "number in " + p.range();
        case CLASS_WEIGHT -> "none, balanced or a map class → weight, e.g. {bad: 2.0}";
      };
      out.printf(Locale.ROOT, "  %-24s %-8s %s%n", p.name(), p.defaultValue(), allowed);
    }
  }

  private static String tasks(Trainer t) {
    return t.tasks().stream()
        .sorted(Comparator.comparing(Task::ordinal))
        .map(task -> task.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
  }
}
