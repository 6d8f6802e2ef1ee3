package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.store.Artifact;
import dev.slipway.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The train step's optional eval input (early stopping), its positive_class and label_transform
 * parameters.
 */
class TrainStepIT {
  @TempDir Path dir;

  @Test
  void earlyStoppingWatchesTheEvalSplitAndRecordsTheBestIteration() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.writeString(
        pipeline,
        Files.readString(pipeline)
            .replace(
                "inputs: {dataset: split.train, transform: transform.transform, schema: schema.schema}",
                "inputs: {dataset: split.train, transform: transform.transform, schema: schema.schema, eval: split.eval}")
            .replace("      task: classification",
                "      task: classification\n      hyperparameters: {num_round: 1000, early_stopping_rounds: 10}"));
    Path home = dir.resolve("home");
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stores stores = Stores.open(home)) {
      Artifact model = stores.metadata().artifactsByType("Model").getFirst();
      String best = model.properties().get("training.best_iteration");
      assertThat(run.out()).contains("; early stopping kept iteration " + best + " (0-based)");
      assertThat(best).as(model.properties().toString()).isNotNull();
      // 1000 rounds at eta 0.1 overfit 800 rows long before the end: the eval loss stops
      // improving early, so training stops well short of the limit.
      assertThat(Integer.parseInt(best)).isBetween(0, 989);
    }
  }

  @Test
  void anUnknownPositiveClassNamesTheClasses() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.writeString(
        pipeline,
        Files.readString(pipeline).replace("      task: classification", "      task: classification\n      positive_class: excellent"));
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("parameter 'positive_class' is 'excellent'; the classes are [bad, good]");
  }

  @Test
  void aLogLabelTransformTrainsOnLogsAndReportsMetricsInTheLabelsUnits() throws Exception {
    Path data = Path.of("..", "..", "shared", "data", "ames_housing.csv");
    assumeTrue(Files.isRegularFile(data),
        () -> "skipping: " + data.toAbsolutePath().normalize() + " is absent (clone beside shared/)");
    Path pipeline = dir.resolve("ames.yaml");
    Files.writeString(
        pipeline,
        Files.readString(Path.of("..", "examples", "ames_housing", "pipeline.yaml"))
            .replace("../../../shared/data/", data.toAbsolutePath().getParent() + "/")
            .replace("      task: regression", "      task: regression\n      label_transform: log"));
    Path home = dir.resolve("home");
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Stores stores = Stores.open(home)) {
      Artifact model = stores.metadata().artifactsByType("Model").getFirst();
      assertThat(model.properties()).containsEntry("label_transform", "log");
      Artifact evaluation = stores.metadata().artifactsByType("Evaluation").getFirst();
      // measured on this split: MAE 14 730 dollars, MAPE 0.0818, R² 0.9195 (raw target: 14 834,
      // 0.0835, 0.9227); a model left on the log scale would be off by ~180 000 dollars
      assertThat(Double.parseDouble(evaluation.properties().get("metric.mae"))).isBetween(12_000.0, 18_000.0);
      assertThat(Double.parseDouble(evaluation.properties().get("metric.r2"))).isGreaterThan(0.90);
    }
  }

  @Test
  void aLabelTransformOnAClassifierIsRefused() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.writeString(
        pipeline,
        Files.readString(pipeline).replace("      task: classification", "      task: classification\n      label_transform: log"));
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(
        "parameter 'label_transform' is 'log'; it applies to regression, and this step's task is classification");
  }
}
