package dev.slipway.cli;

import dev.slipway.core.NotFoundException;
import dev.slipway.pipeline.PipelineResult;
import dev.slipway.store.ModelRef;
import dev.slipway.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway quickstart}: runs the German credit example end to end on the embedded defaults,
 * promotes the model to production, serves it and prints a curl that scores one applicant.
 */
@Command(name = "quickstart", description = "Run the credit example, promote its model and serve it.")
final class QuickstartCommand implements Callable<Integer> {
  @ParentCommand SlipwayCommand parent;
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "Port to serve on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--no-serve", description = "Stop after promoting the model.")
  boolean noServe;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    Path example = exampleDir();
    Stores stores = Stores.open(parent.home());
    PipelineResult result = RunCommand.run(example.resolve("pipeline.yaml"), stores, out);
    out.println();
    out.println("Summary");
    Summary.print(result, stores, out);
    String version = Summary.registered(result).orElseThrow();
    ModelRef ref = ModelRef.parse(version);
    stores.metadata().setAlias(ref.name(), "production", ref.version());
    out.println("  promoted   " + version + " → " + ref.name() + "@production");
    if (noServe) {
      stores.close();
      return 0;
    }
    ServeCommand.Running running =
        ServeCommand.start(stores, parent.home(), ModelRef.parse(ref.name() + "@production"), "127.0.0.1", port);
    out.println();
    out.printf("Serving %s@production (version %s) at %s — score one applicant with:%n%n",
        ref.name(), ref.version(), running.server().baseUri());
    out.printf("  curl -s -H 'Content-Type: application/json' -d @%s %s/v2/models/%s/infer%n%n",
        relative(example.resolve("applicant.json")), running.server().baseUri(), ref.name());
    out.println("Press Ctrl-C to stop. Next: docs/quickstart.md");
    out.flush();
    running.awaitShutdown();
    stores.close();
    return 0;
  }

  /** examples/credit under the working directory, else under the installation ($SLIPWAY_DIR). */
  private static Path exampleDir() {
    Path local = Path.of("examples", "credit");
    if (Files.isRegularFile(local.resolve("pipeline.yaml"))) {
      return local;
    }
    String installed = System.getenv("SLIPWAY_DIR");
    if (installed != null) {
      Path dir = Path.of(installed, "examples", "credit");
      if (Files.isRegularFile(dir.resolve("pipeline.yaml"))) {
        return dir;
      }
    }
    throw new NotFoundException(
        "cannot find examples/credit/pipeline.yaml; run quickstart from the Slipway checkout");
  }

  private static Path relative(Path file) {
    Path cwd = Path.of("").toAbsolutePath();
    Path abs = file.toAbsolutePath().normalize();
    return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
  }
}
