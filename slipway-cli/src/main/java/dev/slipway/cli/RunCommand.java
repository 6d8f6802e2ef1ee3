package dev.slipway.cli;

import dev.slipway.pipeline.Components;
import dev.slipway.pipeline.PipelineExecutor;
import dev.slipway.pipeline.PipelineFile;
import dev.slipway.pipeline.PipelineResult;
import dev.slipway.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code slipway run FILE}: runs a pipeline, reusing cached step outputs. */
@Command(name = "run", description = "Run a pipeline file; unchanged steps are reused from cache.")
final class RunCommand implements Callable<Integer> {
  @ParentCommand SlipwayCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The pipeline YAML file.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Stores stores = Stores.open(parent.home())) {
      PipelineResult result = run(file, stores, out);
      Summary.print(result, stores, out);
    }
    return 0;
  }

  static PipelineResult run(Path file, Stores stores, PrintWriter out) {
    long start = System.nanoTime();
    Components components = Components.discover();
    PipelineFile.Loaded pipeline = PipelineFile.load(file, components);
    out.printf(Locale.ROOT, "pipeline %s (%d steps)%n", pipeline.spec().name(), pipeline.spec().steps().size());
    PipelineResult result =
        new PipelineExecutor(stores, components, Clock.systemUTC()).run(pipeline, new ConsoleProgress(out));
    long cached = result.steps().stream().filter(s -> s.state() == dev.slipway.store.ExecutionState.CACHED).count();
    out.printf(Locale.ROOT, "pipeline run %d succeeded in %.2fs: %d steps ran, %d cached%n",
        result.run().id(), (System.nanoTime() - start) / 1e9, result.steps().size() - cached, cached);
    return result;
  }
}
