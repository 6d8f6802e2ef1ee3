package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.store.Artifact;
import dev.slipway.store.Stores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The train step's optional eval input (early stopping) and its positive_class parameter. */
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
}
