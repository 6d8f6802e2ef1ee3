package dev.slipway.train.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.StringColumn;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.train.EvalSet;
import dev.slipway.train.Labels;
import dev.slipway.train.TrainedModel;
import dev.slipway.train.Trainer;
import dev.slipway.train.Trainers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What the shared trainer contract (TrainerContractTest, run in this module for {@code mlp}) does
 * not cover: early stopping, byte-identical models, refusing foreign bytes, provenance.
 */
class MlpTrainerTest {
  private static final Trainer MLP = Trainers.find("mlp");

  /** Two noisy, overlapping classes: a wide network overfits them within a few epochs. */
  private static EvalSet noisy(int n, long seed) {
    Random random = new Random(seed);
    double[] x = new double[n * 5];
    String[] y = new String[n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < 5; c++) {
        x[i * 5 + c] = random.nextGaussian();
      }
      y[i] = x[i * 5] + 1.5 * random.nextGaussian() > 0 ? "yes" : "no";
    }
    return new EvalSet(
        new FeatureMatrix(List.of("a", "b", "c", "d", "e"), n, x),
        Labels.classification(new StringColumn("y", y), List.of("no", "yes")));
  }

  @Test
  void earlyStoppingKeepsTheBestEpochAndRecordsIt() {
    EvalSet train = noisy(300, 1);
    EvalSet eval = noisy(300, 2);
    Map<String, Object> params =
        Map.of("hidden_units", 256, "epochs", 200, "learning_rate", 0.01,
            "early_stopping_rounds", 5);

    TrainedModel model = MLP.train(train.x(), train.y(), eval, params, 3);

    int best = Integer.parseInt(model.trainingSummary().get("best_iteration"));
    assertThat(best).as("stopped long before 200 epochs").isLessThan(100);
    double stored = Double.parseDouble(model.trainingSummary().get("best_eval_loss"));
    assertThat(logLoss(model, eval)).as("the kept weights are the best epoch's").isCloseTo(stored, within(1e-4));
    TrainedModel full = MLP.train(train.x(), train.y(), eval, params(params, "early_stopping_rounds", 0), 3);
    assertThat(logLoss(full, eval)).as("200 epochs overfit").isGreaterThan(stored);
    assertThat(full.trainingSummary()).as("no early stopping, no best epoch to report").isEmpty();
  }

  @Test
  void earlyStoppingWithoutEvalRowsIsRefused() {
    EvalSet train = noisy(50, 1);
    assertThatThrownBy(
            () -> MLP.train(train.x(), train.y(), Map.of("early_stopping_rounds", 3), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "parameter 'early_stopping_rounds' of trainer 'mlp' needs eval rows; give the train"
                + " step an 'eval' input or set it to 0");
  }

  @Test
  void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
    EvalSet train = noisy(200, 1);
    Map<String, Object> params = Map.of("epochs", 3, "hidden_layers", 2, "hidden_units", 16);
    byte[] a = MLP.train(train.x(), train.y(), params, 7).toBytes();
    byte[] b = MLP.train(train.x(), train.y(), params, 7).toBytes();
    byte[] c = MLP.train(train.x(), train.y(), params, 8).toBytes();
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(MLP.load(a).toBytes()).isEqualTo(a);
  }

  @Test
  void bytesOfAnotherKindAreRefused() {
    assertThatThrownBy(() -> MLP.load("{\"format\":\"slipway-lightgbm-1\"}\nxx".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("not a Slipway MLP model (expected format slipway-mlp-1)");
    assertThatThrownBy(() -> MLP.load(new byte[] {1, 2, 3}))
        .hasMessage("not a Slipway MLP model (expected format slipway-mlp-1)");
  }

  @Test
  void wrongColumnCountAndWrongTaskAreRefused() {
    EvalSet train = noisy(50, 1);
    TrainedModel model = MLP.train(train.x(), train.y(), Map.of("epochs", 1), 1);
    assertThatThrownBy(
            () -> model.predictProbabilities(new FeatureMatrix(List.of("a"), 1, new double[] {1})))
        .hasMessage("the MLP was trained on 5 features but got 1");
    assertThatThrownBy(() -> model.predictValues(train.x()))
        .hasMessage("this MLP predicts classes, not values; ask for probabilities");
  }

  @Test
  void provenanceNamesDjlAndPyTorch() {
    assertThat(MLP.libraryVersions()).containsEntry("pytorch", "2.7.1").containsEntry("djl", "0.36.0");
  }

  private static double logLoss(TrainedModel model, EvalSet eval) {
    double[][] p = model.predictProbabilities(eval.x());
    double sum = 0;
    for (int r = 0; r < p.length; r++) {
      sum -= Math.log(p[r][eval.y().classIndex()[r]]);
    }
    return sum / p.length;
  }

  private static Map<String, Object> params(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new java.util.HashMap<>(base);
    out.put(key, value);
    return out;
  }
}
