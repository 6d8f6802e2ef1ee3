package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway trainers [NAME]}: what a train step may name, and with which parameters. */
class TrainersCommandIT {
  @TempDir Path home;

  @Test
  void listsTheBuiltInTrainersAndTheMissingPlugin() {
    Cli list = Cli.run(home, "trainers");
    assertThat(list.exitCode()).as(list.err()).isZero();
    assertThat(list.out())
        .containsPattern("(?m)^xgboost +classification, regression +num_round, max_depth, eta")
        .containsPattern("(?m)^linear_regression +regression +epochs")
        // the CLI's own class path has no plugin folder: mlp is named with how to get it
        .contains("not installed: 'mlp' is in the optional module slipway-train-djl");
  }

  @Test
  void showsOneTrainersParametersDefaultsAndRanges() {
    Cli show = Cli.run(home, "trainers", "lightgbm");
    assertThat(show.exitCode()).as(show.err()).isZero();
    assertThat(show.out())
        .startsWith("trainer lightgbm  (classification, regression)  lightgbm4j")
        .containsPattern("(?m)^  num_leaves +31 +integer in \\[2, 131072]$")
        .containsPattern("(?m)^  learning_rate +0.1 +number in \\(0, 1]$")
        .contains("class_weight             none     none, balanced or a map");
    Cli unknown = Cli.run(home, "trainers", "xgb");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip()).startsWith("error: unknown trainer 'xgb'; the known trainers are cart,");
  }
}
