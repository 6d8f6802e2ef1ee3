package dev.slipway.cli;

import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.RegisteredModel;
import dev.slipway.store.Stores;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slipway models list|show|promote|import-onnx|export-onnx}: the model registry. */
@Command(
    name = "models",
    description = "Browse the model registry and move aliases.",
    subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Promote.class,
        ModelsImportOnnxCommand.class, ModelsExportOnnxCommand.class})
final class ModelsCommand {
  @ParentCommand SlipwayCommand parent;

  @Command(name = "list", description = "List registered models.")
  static final class ListModels implements Callable<Integer> {
    @ParentCommand ModelsCommand models;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Stores stores = Stores.open(models.parent.home())) {
        MetadataStore metadata = stores.metadata();
        List<RegisteredModel> all = metadata.models();
        if (all.isEmpty()) {
          out.println("no models registered yet (run a pipeline with a register step)");
          return 0;
        }
        out.printf(Locale.ROOT, "%-20s %-9s %-7s %s%n", "NAME", "VERSIONS", "LATEST", "ALIASES");
        for (RegisteredModel m : all) {
          List<ModelVersion> versions = metadata.versions(m.name());
          out.printf(Locale.ROOT, "%-20s %-9d %-7s %s%n", m.name(), versions.size(),
              versions.isEmpty() ? "-" : Integer.toString(versions.get(versions.size() - 1).version()),
              aliases(metadata.aliases(m.name())));
        }
      }
      return 0;
    }
  }

  @Command(name = "show", description = "Show a model's versions, aliases, metrics and lineage tags.")
  static final class Show implements Callable<Integer> {
    @ParentCommand ModelsCommand models;
    @Spec CommandSpec spec;

    @Parameters(
        paramLabel = "MODEL",
        description = "NAME (every version), NAME:VERSION or NAME@ALIAS (that version).")
    String model;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Stores stores = Stores.open(models.parent.home())) {
        MetadataStore metadata = stores.metadata();
        ModelRef ref = ModelRef.parse(model);
        ModelVersion resolved = ref.resolve(metadata);
        String name = ref.name();
        boolean one = ref.version() != null || ref.alias() != null;
        Map<String, Integer> aliases = metadata.aliases(name);
        out.println("model " + name + (aliases.isEmpty() ? "" : "  (aliases: " + aliases(aliases) + ")"));
        for (ModelVersion v : metadata.versions(name)) {
          if (one && v.version() != resolved.version()) {
            continue;
          }
          String pinned = aliases.entrySet().stream()
              .filter(e -> e.getValue() == v.version())
              .map(e -> "@" + e.getKey())
              .collect(Collectors.joining(" "));
          out.printf(Locale.ROOT, "  version %d  %s  %s%n", v.version(), v.createdAt(), pinned);
          out.println("    bundle     sha256:" + v.tags().getOrDefault("model.digest", "?"));
          String evaluation = v.tags().get("evaluation.digest");
          if (evaluation != null) {
            metadata.artifactByDigest("Evaluation", evaluation).ifPresent(
                a -> out.println("    metrics    " + Summary.metrics(a.properties())));
          }
          out.println("    dataset    sha256:" + v.tags().getOrDefault("dataset.digest", "?"));
          out.println("    transform  sha256:" + v.tags().getOrDefault("transform.digest", "?"));
          out.println("    parameters " + v.tags().getOrDefault("train.parameters", "{}").replaceAll("\\s+", " "));
          out.println("    run        pipeline run " + v.pipelineRunId());
        }
      }
      return 0;
    }
  }

  @Command(name = "promote", description = "Point an alias (e.g. production) at a version.")
  static final class Promote implements Callable<Integer> {
    @ParentCommand ModelsCommand models;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "VERSION")
    int version;

    @Option(names = "--alias", required = true, description = "Alias to set, e.g. production.")
    String alias;

    @Override
    public Integer call() {
      try (Stores stores = Stores.open(models.parent.home())) {
        MetadataStore metadata = stores.metadata();
        ModelVersion target = new ModelRef(name, version, null).resolve(metadata);
        Integer previous = metadata.aliases(name).get(alias);
        metadata.setAlias(name, alias, target.version());
        spec.commandLine().getOut().println(
            name + "@" + alias + " → version " + version
                + (previous == null || previous == version ? "" : " (was version " + previous + ")"));
      }
      return 0;
    }
  }

  static String aliases(Map<String, Integer> aliases) {
    if (aliases.isEmpty()) {
      return "-";
    }
    return new TreeMap<>(aliases).entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
