package dev.slipway.cli;

import dev.slipway.pipeline.PipelineResult;
import dev.slipway.pipeline.StepResult;
import dev.slipway.store.Artifact;
import dev.slipway.store.Stores;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The few lines a person wants after a run: data size, anomalies, metrics, model version. */
final class Summary {
  private Summary() {}

  /** The model version the run registered, as {@code name:version}, if it has a register step. */
  static Optional<String> registered(PipelineResult result) {
    return output(result, "register")
        .map(a -> a.properties().get("model") + ":" + a.properties().get("version"));
  }

  static void print(PipelineResult result, Stores stores, PrintWriter out) {
    output(result, "ingest").ifPresent(
        a -> out.printf(Locale.ROOT, "  data       %s: %s rows × %s columns, snapshot sha256:%s%n",
            a.properties().get("source"), a.properties().get("rows"), a.properties().get("columns"), a.digest()));
    result.steps().stream().filter(s -> s.component().equals("validate")).forEach(
        s -> out.printf(Locale.ROOT, "  anomalies  %s (%s)%n",
            s.outputs().get("anomalies").properties().get("count"), s.step()));
    output(result, "evaluate").ifPresent(
        a -> out.println("  metrics    " + metrics(a.properties())));
    registered(result).ifPresent(v -> out.println("  model      " + v));
    out.flush();
  }

  private static Optional<Artifact> output(PipelineResult result, String component) {
    return result.stepOf(component)
        .map(StepResult::outputs)
        .flatMap(outputs -> outputs.values().stream().findFirst());
  }

  static String metrics(Map<String, String> properties) {
    StringBuilder line = new StringBuilder();
    properties.entrySet().stream()
        .filter(e -> e.getKey().startsWith("metric."))
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> line.append(String.format(Locale.ROOT, "%s %.4f  ",
            e.getKey().substring(7), Double.parseDouble(e.getValue()))));
    return line.toString().strip();
  }
}
