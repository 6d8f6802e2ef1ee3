package dev.slipway.cli;

import dev.slipway.pipeline.Lineage;
import dev.slipway.store.Artifact;
import dev.slipway.store.Event;
import dev.slipway.store.EventType;
import dev.slipway.store.Execution;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.Stores;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway lineage MODEL_VERSION}: the recorded chain behind a model version, from the
 * registration back to the dataset snapshot, every artifact with its full digest.
 */
@Command(name = "lineage", description = "Show where a model version came from (NAME, NAME:VERSION or NAME@ALIAS).")
final class LineageCommand implements Callable<Integer> {
  @ParentCommand SlipwayCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL_VERSION")
  String model;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Stores stores = Stores.open(parent.home())) {
      MetadataStore metadata = stores.metadata();
      ModelVersion version = ModelRef.parse(model).resolve(metadata);
      out.printf("%s:%d  registered %s in pipeline run %s%n",
          version.name(), version.version(), version.createdAt(), version.pipelineRunId());
      Optional<Execution> registration = registration(metadata, version);
      Set<Long> shown = new HashSet<>();
      if (registration.isPresent()) {
        List<Event> inputs = metadata.events(registration.get().id()).stream()
            .filter(e -> e.type() == EventType.INPUT).toList();
        for (int i = 0; i < inputs.size(); i++) {
          Event e = inputs.get(i);
          Artifact a = metadata.artifact(e.artifactId()).orElseThrow();
          print(out, Lineage.of(metadata, a), e.name(), "", i == inputs.size() - 1, shown);
        }
      } else {
        Artifact bundle = metadata.artifact(version.artifactId()).orElseThrow();
        print(out, Lineage.of(metadata, bundle), "model", "", true, shown);
      }
    }
    return 0;
  }

  /** The register execution that created this version, found through its pipeline run. */
  private static Optional<Execution> registration(MetadataStore metadata, ModelVersion version) {
    if (version.pipelineRunId() == null) {
      return Optional.empty();
    }
    return metadata.executions(version.pipelineRunId()).stream()
        .filter(e -> e.component().equals("register"))
        .filter(e -> metadata.events(e.id()).stream()
            .anyMatch(ev -> ev.type() == EventType.INPUT && ev.artifactId() == version.artifactId()))
        .findFirst();
  }

  /** Prints a node and its inputs; an artifact whose lineage was already printed is not repeated. */
  private static void print(
      PrintWriter out, Lineage.Node node, String port, String indent, boolean last, Set<Long> shown) {
    Artifact a = node.artifact();
    boolean repeated = !shown.add(a.id());
    String producer = repeated
        ? "  (lineage above)"
        : node.producer()
            .map(e -> "  ← " + e.step() + " (" + e.component() + " #" + e.id() + params(e.parameters()) + ")")
            .orElse("");
    out.printf("%s%s %s: %s sha256:%s%s%s%n",
        indent, last ? "└─" : "├─", port, a.type(), a.digest(), producer, source(a));
    if (repeated) {
      return;
    }
    String childIndent = indent + (last ? "   " : "│  ");
    for (int i = 0; i < node.inputs().size(); i++) {
      Lineage.Node child = node.inputs().get(i);
      print(out, child, child.port(), childIndent, i == node.inputs().size() - 1, shown);
    }
  }

  /** For a snapshot: the file it was taken from and that file's own digest. */
  private static String source(Artifact a) {
    String source = a.properties().get("source");
    String digest = a.properties().get("source_sha256");
    if (source == null) {
      return "";
    }
    return "  [source " + Path.of(source).getFileName() + (digest == null ? "" : " sha256:" + digest) + "]";
  }

  private static String params(Map<String, String> parameters) {
    if (parameters.isEmpty()) {
      return "";
    }
    return " " + new TreeMap<>(parameters).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }
}
