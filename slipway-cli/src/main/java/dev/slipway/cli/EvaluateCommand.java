package dev.slipway.cli;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.OutputFiles;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.data.CsvReader;
import dev.slipway.store.Artifact;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.Stores;
import dev.slipway.train.ModelBundle;
import dev.slipway.train.evaluation.EvaluationConfig;
import dev.slipway.train.evaluation.EvaluationResult;
import dev.slipway.train.evaluation.HtmlReport;
import dev.slipway.train.evaluation.ModelEvaluator;
import dev.slipway.train.evaluation.ModelValidator;
import dev.slipway.train.evaluation.SliceSpec;
import dev.slipway.train.evaluation.Threshold;
import dev.slipway.train.evaluation.WhatIf;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway evaluate MODEL --data FILE [--slice COLUMN]... [--baseline MODEL] [--json OUT]
 * [--html OUT]}: evaluates a registered model on a labelled CSV file, overall and per slice, and
 * with a baseline shows the change of every overall metric.
 */
@Command(
    name = "evaluate",
    description = "Evaluate a registered model on labelled data: metrics, slices, fairness rates, reports.")
final class EvaluateCommand implements Callable<Integer> {
  @ParentCommand SlipwayCommand parent;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "MODEL", description = "NAME, NAME:VERSION or NAME@ALIAS.")
  String model;

  @Option(names = "--data", required = true, paramLabel = "FILE", description = "CSV file with the label column.")
  Path data;

  @Option(names = "--slice", paramLabel = "COLUMN", description = "Slice by this column (repeatable; a,b = a cross).")
  List<String> slices = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "MODEL", description = "Compare with this model (NAME, NAME:VERSION or NAME@ALIAS).")
  String baseline;

  @Option(names = "--json", paramLabel = "OUT", description = "Write the evaluation report as JSON.")
  Path json;

  @Option(names = "--what-if", paramLabel = "ROW:COLUMN=VALUE",
      description = "Also predict data row ROW (0-based) with COLUMN set to VALUE (repeatable; empty VALUE = missing).")
  List<String> whatIfs = new ArrayList<>();

  @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report.")
  Path html;

  @Option(names = "--importance-repeats", paramLabel = "N", defaultValue = "3",
      description = "Permutation-importance shuffles per input column (0 = skip; default ${DEFAULT-VALUE}).")
  int importanceRepeats;

  @Option(names = "--importance-rows", paramLabel = "N", defaultValue = "1000",
      description = "Permute a seeded sample of at most N rows (default ${DEFAULT-VALUE}).")
  int importanceRows;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Stores stores = Stores.open(parent.home())) {
      Loaded candidate = load(stores, model);
      Table table = CsvReader.read(data, types(candidate.bundle()));
      if (importanceRepeats < 0 || importanceRows < 1) {
        throw new InvalidInputException(
            "--importance-repeats must be 0 or more and --importance-rows 1 or more; got "
                + importanceRepeats + " and " + importanceRows);
      }
      EvaluationConfig config =
          EvaluationConfig.defaults()
              .withSlices(slices.stream().map(SliceSpec::parse).toList())
              .withImportance(importanceRepeats)
              .withImportanceRows(importanceRows);
      EvaluationResult result = ModelEvaluator.evaluate(candidate.bundle(), table, config);
      EvaluationResult base = null;
      String baseLabel = null;
      if (baseline != null) {
        Loaded b = load(stores, baseline);
        baseLabel = b.label();
        base = ModelEvaluator.evaluate(b.bundle(), table, config.withImportance(0));
        // No gates on the command line: record the comparison with an empty threshold list.
        result = result.withBlessing(ModelValidator.validate(result, base, baseLabel, List.<Threshold>of()));
      }
      print(out, candidate.label(), result, base, baseLabel);
      for (String w : whatIfs) {
        printWhatIf(out, whatIf(candidate.bundle(), table, w));
      }
      if (json != null) {
        OutputFiles.write(json, Json.bytes(result), "evaluation report");
        out.println("  json       " + json);
      }
      if (html != null) {
        OutputFiles.write(html, HtmlReport.render(result, candidate.label()).getBytes(StandardCharsets.UTF_8), "HTML report");
        out.println("  html       " + html);
      }
    }
    out.flush();
    return 0;
  }

  private record Loaded(String label, ModelBundle bundle) {}

  private static final java.util.regex.Pattern WHAT_IF = java.util.regex.Pattern.compile("(\\d+):([^=]+)=(.*)");

  private static WhatIf whatIf(ModelBundle bundle, Table table, String text) {
    java.util.regex.Matcher m = WHAT_IF.matcher(text);
    if (!m.matches()) {
      throw new InvalidInputException(
          "--what-if '" + text + "' is not ROW:COLUMN=VALUE, e.g. --what-if 3:age=45");
    }
    String value = m.group(3).isEmpty() ? null : m.group(3);
    return WhatIf.of(bundle, table, Integer.parseInt(m.group(1)), m.group(2), value);
  }

  private static void printWhatIf(PrintWriter out, WhatIf w) {
    out.printf(Locale.ROOT, "  what-if    %s: %s -> %s: %s -> %s%n",
        w.column(), w.before() == null ? "(missing)" : w.before(), w.after() == null ? "(missing)" : w.after(),
        describe(w.original()), describe(w.changed()));
  }

  private static String describe(dev.slipway.core.Predictions p) {
    if (p.labels() == null) {
      return String.format(Locale.ROOT, "%.4f", p.values()[0]);
    }
    StringBuilder probabilities = new StringBuilder();
    for (double v : p.probabilities()[0]) {
      probabilities.append(probabilities.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.4f", v));
    }
    return p.labels().get(0) + " [" + probabilities + "]";
  }

  private static Loaded load(Stores stores, String ref) {
    ModelVersion version = ModelRef.parse(ref).resolve(stores.metadata());
    Artifact artifact = stores.metadata().artifact(version.artifactId()).orElseThrow();
    return new Loaded(version.name() + ":" + version.version(), ModelBundle.read(stores.artifacts().path(artifact.digest())));
  }

  /** The model's own column types, so that e.g. digit-only categories stay text. */
  private static Map<String, FeatureType> types(ModelBundle bundle) {
    Map<String, FeatureType> types = new java.util.HashMap<>();
    bundle.inputSchema().features().forEach(f -> types.put(f.name(), f.type()));
    types.put(bundle.label(), bundle.task() == Task.REGRESSION ? FeatureType.FLOAT : FeatureType.STRING);
    return types;
  }

  private static void print(PrintWriter out, String label, EvaluationResult r, EvaluationResult base, String baseLabel) {
    out.printf(Locale.ROOT, "evaluated %s on %d rows%n", label, r.count());
    StringBuilder line = new StringBuilder();
    r.metrics().forEach((k, v) -> line.append(String.format(Locale.ROOT, "%s %.4f  ", k, v)));
    out.println("  metrics    " + line.toString().strip());
    if (base != null) {
      StringBuilder delta = new StringBuilder();
      for (Map.Entry<String, Double> e : r.metrics().entrySet()) {
        Double b = base.metrics().get(e.getKey());
        if (b != null) {
          delta.append(String.format(Locale.ROOT, "%s %+.4f  ", e.getKey(), e.getValue() - b));
        }
      }
      out.println("  vs " + baseLabel + " " + delta.toString().strip());
    }
    r.slices().forEach((name, s) -> {
      Double auc = s.metrics().get("roc_auc");
      out.printf(Locale.ROOT, "  slice      %-40s n=%-5d %s%n", name, s.count(),
          auc != null ? String.format(Locale.ROOT, "roc_auc %.4f", auc)
              : s.metrics().containsKey("accuracy") ? String.format(Locale.ROOT, "accuracy %.4f", s.metrics().get("accuracy"))
              : String.format(Locale.ROOT, "rmse %.4f", s.metrics().get("rmse")));
    });
  }
}
