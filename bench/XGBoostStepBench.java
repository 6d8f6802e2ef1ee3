import dev.slipway.core.Json;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.data.CsvReader;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.features.TransformGraph;
import dev.slipway.pipeline.Components;
import dev.slipway.pipeline.InputArtifact;
import dev.slipway.pipeline.PipelineExecutor;
import dev.slipway.pipeline.PipelineFile;
import dev.slipway.pipeline.PipelineResult;
import dev.slipway.pipeline.PipelineSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.components.TrainComponent;
import dev.slipway.store.Artifact;
import dev.slipway.store.Stores;
import dev.slipway.train.Labels;
import dev.slipway.train.TrainedModel;
import dev.slipway.train.Trainer;
import dev.slipway.train.Trainers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;

/**
 * XGBoost training inside a pipeline's train step vs raw XGBoost4J on the same matrix, in one JVM
 * (issue 4: "≤ 1.10× the raw time").
 *
 * <p>Run with {@code bench/xgboost-step.sh [REPEATS] [PIPELINE.yaml ...]} (default 11 repeats on
 * examples/credit, examples/telco_churn and examples/lending_club). For each pipeline it runs the
 * real pipeline once through {@link PipelineExecutor} in a temporary home, then takes the train
 * step's parameters and its input artifacts (training split, fitted transform, schema) from that
 * run and, after {@code WARMUP} untimed rounds, times in rotating order per repetition:
 *
 * <ol>
 *   <li><b>raw</b>: {@code new DMatrix(float[], rows, cols, NaN)}, {@code setLabel}, {@code
 *       XGBoost.train} with exactly the booster parameters {@code XGBoostTrainer} sends (objective,
 *       {@code tree_method=hist}, seed, the step's hyperparameters with their defaults, so {@code
 *       nthread=1} unless the pipeline sets it), from the
 *       same {@code float[]} the trainer builds;
 *   <li><b>spi</b>: {@code Trainers.find("xgboost").train(matrix, labels, hyperparameters, seed)},
 *       the call the train step makes (matrix → float[], labels, DMatrix, train, model attributes);
 *   <li><b>step</b>: {@code new TrainComponent().run(context)}, the whole step as the executor runs
 *       it: read the split from the artifact store, apply the transform, train, write the bundle
 *       (zip with transform, model, schema, provenance) to a temp file.
 * </ol>
 *
 * <p>Reported: the median (and min) of each, the ratios spi/raw and step/raw, and — from a fourth,
 * separately timed copy of TrainComponent's code — the median time of each part of the step.
 */
public final class XGBoostStepBench {
  private static final int WARMUP = 3;

  public static void main(String[] args) throws Exception {
    int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    List<Path> pipelines = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      pipelines.add(Path.of(args[i]));
    }
    if (pipelines.isEmpty()) {
      for (String e : List.of("credit", "telco_churn", "lending_club")) {
        pipelines.add(Path.of("examples", e, "pipeline.yaml"));
      }
    }
    System.out.printf(Locale.ROOT, "JDK %s, %d cores, %s %s, repeats %d (+%d warm-up)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"),
        System.getProperty("os.arch"), repeats, WARMUP);
    for (Path pipeline : pipelines) {
      bench(pipeline, repeats);
    }
  }

  private static void bench(Path file, int repeats) throws Exception {
    Path home = Files.createTempDirectory("slipway-bench");
    try (Stores stores = Stores.open(home)) {
      Components components = Components.discover();
      PipelineFile.Loaded loaded = PipelineFile.load(file, components);
      PipelineResult result = new PipelineExecutor(stores, components, Clock.systemUTC()).run(loaded, dev.slipway.pipeline.ProgressListener.silent());
      PipelineSpec.StepSpec trainStep = loaded.spec().steps().stream()
          .filter(s -> s.component().equals("train")).findFirst().orElseThrow();
      Map<String, InputArtifact> inputs = new LinkedHashMap<>();
      trainStep.inputs().forEach((port, ref) -> {
        String[] stepAndPort = ref.split("\\.");
        Artifact a = result.output(stepAndPort[0], stepAndPort[1]);
        inputs.put(port, new InputArtifact(a, stores.artifacts().path(a.digest())));
      });
      Map<String, Object> params = trainStep.params();
      StepContext context = new StepContext(
          trainStep.name(), result.run().id(), inputs, params, loaded.baseDir(), stores, Clock.systemUTC(), s -> {});

      // The matrix and labels exactly as TrainComponent builds them.
      String label = (String) params.get("label");
      long seed = ((Number) params.getOrDefault("seed", 42)).longValue();
      boolean regression = "regression".equals(params.get("task"));
      @SuppressWarnings("unchecked")
      Map<String, Object> hyper = new java.util.TreeMap<>(
          (Map<String, Object>) params.getOrDefault("hyperparameters", Map.of()));
      Table train = readSplit(inputs.get("dataset"));
      TransformGraph transform = TransformGraph.fromJson(Files.readAllBytes(inputs.get("transform").file()));
      FeatureMatrix x = transform.apply(train);
      Labels y = regression ? Labels.regression(train.column(label)) : Labels.classification(train.column(label));
      Trainer trainer = Trainers.find("xgboost");
      float[] floats = x.toFloats();
      float[] labels = labels(y);
      Map<String, Object> booster = boosterParams(trainer.resolveParameters(hyper), y, seed);
      int rounds = (Integer) trainer.resolveParameters(hyper).get("num_round");
      System.out.printf(Locale.ROOT, "%n%s: %d × %d, %s, booster %s, %d rounds%n",
          file, x.rows(), x.cols(), y.task(), new java.util.TreeMap<>(booster), rounds);

      long[] raw = new long[repeats];
      long[] spi = new long[repeats];
      long[] step = new long[repeats];
      long[][] parts = new long[PARTS.length][repeats];
      TrainComponent component = new TrainComponent();
      for (int i = -WARMUP; i < repeats; i++) {
        long[] t = new long[4];
        long[] p = new long[PARTS.length];
        for (int k = 0; k < 4; k++) { // rotate the order so no side always runs first
          int which = Math.floorMod(i + k, 4);
          long t0 = System.nanoTime();
          switch (which) {
            case 0 -> rawTrain(floats, x.rows(), x.cols(), labels, booster, rounds).dispose();
            case 1 -> trainer.train(x, y, hyper, seed).toBytes();
            case 2 -> Files.delete(component.run(context).get("model").file());
            default -> stepInParts(context, trainer, regression, hyper, seed, p);
          }
          t[which] = System.nanoTime() - t0;
        }
        if (i >= 0) {
          raw[i] = t[0];
          spi[i] = t[1];
          step[i] = t[2];
          for (int j = 0; j < PARTS.length; j++) {
            parts[j][i] = p[j];
          }
        }
      }
      double r = median(raw);
      System.out.printf(Locale.ROOT,
          "  raw XGBoost4J  median %8.1f ms  (min %8.1f)%n"
              + "  Trainer SPI    median %8.1f ms  (min %8.1f)  ratio %.3f%n"
              + "  train step     median %8.1f ms  (min %8.1f)  ratio %.3f%n",
          r, min(raw), median(spi), min(spi), median(spi) / r, median(step), min(step), median(step) / r);
      StringBuilder breakdown = new StringBuilder("  the step's parts, medians:");
      for (int j = 0; j < PARTS.length; j++) {
        breakdown.append(String.format(Locale.ROOT, " %s %.1f ms%s", PARTS[j], median(parts[j]),
            j < PARTS.length - 1 ? "," : ""));
      }
      System.out.println(breakdown);
    }
  }

  private static final String[] PARTS = {
    "read split", "read schema+transform", "apply transform", "labels", "Trainer.train",
    "provenance", "bundle (model bytes)", "transform JSON", "zip in memory", "write file"
  };

  /** TrainComponent.run's work, statement by statement, each part's time added to {@code parts}. */
  private static void stepInParts(StepContext context, Trainer trainer, boolean regression,
      Map<String, Object> hyper, long seed, long[] parts) throws Exception {
    String label = context.requiredString("label");
    long t = System.nanoTime();
    Table train = readSplit(context.input("dataset"));
    t = lap(parts, 0, t);
    dev.slipway.core.Schema schema = Json.read(context.bytes("schema"), dev.slipway.core.Schema.class);
    TransformGraph transform = TransformGraph.fromJson(context.bytes("transform"));
    t = lap(parts, 1, t);
    FeatureMatrix x = transform.apply(train);
    t = lap(parts, 2, t);
    Labels y = regression ? Labels.regression(train.column(label)) : Labels.classification(train.column(label));
    t = lap(parts, 3, t);
    TrainedModel model = trainer.train(x, y, hyper, seed);
    t = lap(parts, 4, t);
    Map<String, String> digests = new java.util.TreeMap<>();
    context.inputs().forEach((port, in) -> digests.put(port, in.artifact().digest()));
    dev.slipway.train.Provenance provenance = dev.slipway.train.Provenance.of(trainer, hyper, seed, digests);
    t = lap(parts, 5, t);
    dev.slipway.train.ModelBundle bundle = dev.slipway.train.ModelBundle.create(
        regression ? Task.REGRESSION : Task.CLASSIFICATION, label, y.classes(), schema.without(label),
        transform, model, provenance);
    t = lap(parts, 6, t);
    transform.toJson();
    t = lap(parts, 7, t);
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    bundle.write(zip);
    t = lap(parts, 8, t);
    Path file = context.newOutputFile(".zip");
    Files.write(file, zip.toByteArray());
    Files.delete(file);
    lap(parts, 9, t);
  }

  private static long lap(long[] parts, int part, long since) {
    long now = System.nanoTime();
    parts[part] += now - since;
    return now;
  }

  /** What the train step reads (Tables.read): a Parquet split, or a CSV one with its column types. */
  private static Table readSplit(InputArtifact input) throws Exception {
    if ("parquet".equals(input.artifact().properties().get("format"))) {
      try (dev.slipway.data.engine.DataEngine engine = dev.slipway.data.engine.DataEngine.open(1)) {
        return engine.table(new dev.slipway.data.engine.DataSource.Parquet(input.file()));
      }
    }
    String types = input.artifact().properties().get("column_types");
    Map<String, dev.slipway.core.FeatureType> parsed = Json.MAPPER.readValue(
        types, new com.fasterxml.jackson.core.type.TypeReference<Map<String, dev.slipway.core.FeatureType>>() {});
    return CsvReader.read(input.file(), parsed);
  }

  private static float[] labels(Labels y) {
    float[] out = new float[y.size()];
    for (int r = 0; r < out.length; r++) {
      out[r] = (float) (y.task() == Task.CLASSIFICATION ? y.classIndex()[r] : y.values()[r]);
    }
    return out;
  }

  /**
   * The parameters XGBoostTrainer passes to XGBoost.train (without early stopping or class
   * weights), num_round taken out; its eval_metric is left out as it is unused without watches.
   */
  private static Map<String, Object> boosterParams(Map<String, Object> resolved, Labels y, long seed) {
    Map<String, Object> booster = new HashMap<>(resolved);
    booster.remove("num_round");
    booster.remove("early_stopping_rounds"); // Slipway's own parameters, not XGBoost's
    booster.remove("class_weight");
    booster.put("objective", y.task() == Task.REGRESSION ? "reg:squarederror"
        : y.classes().size() == 2 ? "binary:logistic" : "multi:softprob");
    if (y.classes().size() > 2) {
      booster.put("num_class", y.classes().size());
    }
    booster.put("tree_method", "hist");
    booster.put("seed", seed);
    booster.put("verbosity", 0);
    return booster;
  }

  private static Booster rawTrain(float[] x, int rows, int cols, float[] label, Map<String, Object> params, int rounds)
      throws Exception {
    DMatrix data = new DMatrix(x, rows, cols, Float.NaN);
    try {
      data.setLabel(label);
      Booster b = XGBoost.train(data, params, rounds, Map.of(), null, null);
      b.toByteArray("ubj");
      return b;
    } finally {
      data.dispose();
    }
  }

  private static double median(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    int n = s.length;
    return (n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0) / 1e6;
  }

  private static double min(long[] nanos) {
    return Arrays.stream(nanos).min().orElseThrow() / 1e6;
  }
}
