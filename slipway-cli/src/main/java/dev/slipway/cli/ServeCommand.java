package dev.slipway.cli;

import dev.slipway.core.SlipwayException;
import dev.slipway.serving.JsonlPredictionLog;
import dev.slipway.serving.ModelServer;
import dev.slipway.serving.PredictionLog;
import dev.slipway.serving.ServedModel;
import dev.slipway.store.Artifact;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.Stores;
import dev.slipway.train.ModelBundle;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slipway serve MODEL[@alias|:version]}: Open Inference Protocol v2 over HTTP. */
@Command(name = "serve", description = "Serve a registered model over the Open Inference Protocol v2 (REST).")
final class ServeCommand implements Callable<Integer> {
  @ParentCommand SlipwayCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "NAME, NAME:VERSION or NAME@ALIAS.")
  String model;

  @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}; 0 = any free port).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    Stores stores = Stores.open(parent.home());
    Running running = start(stores, parent.home(), ModelRef.parse(model), host, port);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("serving %s:%s at %s (Ctrl-C to stop)%n",
        running.model().name(), running.model().version(), running.server().baseUri());
    out.printf("  predictions are logged to %s%n", running.logFile());
    out.flush();
    running.awaitShutdown();
    stores.close();
    return 0;
  }

  /** A started server with its log; {@link #awaitShutdown} blocks until the JVM is stopped. */
  record Running(ServedModel model, ModelServer server, PredictionLog log, Path logFile) {
    void awaitShutdown() throws InterruptedException {
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        close();
        stopped.countDown();
      }));
      stopped.await();
    }

    void close() {
      server.close();
      log.close();
    }
  }

  static Running start(Stores stores, Path home, ModelRef ref, String host, int port) {
    ModelVersion version = ref.resolve(stores.metadata());
    Artifact artifact = stores.metadata().artifact(version.artifactId()).orElseThrow();
    ModelBundle bundle = ModelBundle.read(stores.artifacts().path(artifact.digest()));
    ServedModel served = new ServedModel(version.name(), Integer.toString(version.version()), bundle);
    Path logFile = home.resolve("predictions").resolve(version.name() + ".jsonl");
    PredictionLog log = new JsonlPredictionLog(logFile);
    ModelServer server;
    try {
      server = ModelServer.start(served, host, port, log, Clock.systemUTC());
    } catch (SlipwayException e) {
      log.close();
      throw e;
    }
    return new Running(served, server, log, logFile);
  }
}
