package dev.slipway.pipeline;

import dev.slipway.core.InvalidInputException;
import dev.slipway.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a running step can see: its inputs, its parameters (with typed accessors whose errors name
 * the step and parameter), the stores, and where to write outputs.
 *
 * @param step the step's name in the pipeline file
 * @param pipelineRunId the run this step belongs to
 * @param inputs input port → artifact
 * @param params parameters after substitution
 * @param baseDir directory of the pipeline file
 * @param stores metadata and artifact stores (components that register models use them)
 * @param clock time source
 * @param progress receives short human-readable progress notes
 * @param engine the run's shared data engine, closed by the executor after the last step
 */
public record StepContext(
    String step,
    long pipelineRunId,
    Map<String, InputArtifact> inputs,
    Map<String, Object> params,
    Path baseDir,
    Stores stores,
    Clock clock,
    Consumer<String> progress,
    RunEngine engine) {

  /**
   * A context with an engine of its own, opened on first use; whoever creates the context closes
   * it with {@code engine().close()} (harnesses and tests that run one component).
   */
  public StepContext(
      String step,
      long pipelineRunId,
      Map<String, InputArtifact> inputs,
      Map<String, Object> params,
      Path baseDir,
      Stores stores,
      Clock clock,
      Consumer<String> progress) {
    this(step, pipelineRunId, inputs, params, baseDir, stores, clock, progress, new RunEngine());
  }

  public InputArtifact input(String port) {
    InputArtifact a = inputs.get(port);
    if (a == null) {
      throw new InvalidInputException("step '" + step + "' needs input '" + port + "'");
    }
    return a;
  }

  /** A fresh file in the artifact store's temporary area. */
  public Path newOutputFile(String suffix) {
    return stores.artifacts().newTempFile(suffix);
  }

  public String string(String name, String fallback) {
    Object v = params.get(name);
    return v == null ? fallback : v.toString();
  }

  public String requiredString(String name) {
    Object v = params.get(name);
    if (v == null || v.toString().isBlank()) {
      throw new InvalidInputException(
          "step '" + step + "' needs parameter '" + name + "'");
    }
    return v.toString();
  }

  public double number(String name, double fallback) {
    Object v = params.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    try {
      return Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(
          "step '" + step + "' parameter '" + name + "' is '" + v + "'; expected a number");
    }
  }

  public long integer(String name, long fallback) {
    double d = number(name, fallback);
    if (d != Math.rint(d)) {
      throw new InvalidInputException(
          "step '" + step + "' parameter '" + name + "' is " + d + "; expected a whole number");
    }
    return (long) d;
  }

  public boolean bool(String name, boolean fallback) {
    Object v = params.get(name);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    return switch (v.toString()) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidInputException(
              "step '" + step + "' parameter '" + name + "' is '" + v + "'; expected true or false");
    };
  }

  /** Resolves a path parameter against the pipeline file's directory. */
  public Path path(String name) {
    return baseDir.resolve(requiredString(name)).normalize();
  }

  /** Writes a value as canonical JSON to a fresh output file and returns the file. */
  public Path writeJson(Object value) {
    Path file = newOutputFile(".json");
    try {
      java.nio.file.Files.write(file, dev.slipway.core.Json.bytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }

  /** Reads an input artifact's bytes. */
  public byte[] bytes(String port) {
    try {
      return java.nio.file.Files.readAllBytes(input(port).file());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
