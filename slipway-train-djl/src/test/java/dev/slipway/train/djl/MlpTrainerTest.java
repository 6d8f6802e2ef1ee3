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
  void aNaNInTheMatrixIsRefusedNamingFeatureAndRow() {
    EvalSet train = noisy(50, 1);
    double[] values = train.x().values().clone();
    values[3 * 5 + 2] = Double.NaN;
    FeatureMatrix holed = new FeatureMatrix(train.x().names(), 50, values);
    assertThatThrownBy(() -> MLP.train(holed, train.y(), Map.of("epochs", 1), 1))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("feature 'c' is NaN at row 3; this trainer needs finite inputs (impute missing values)");
    assertThatThrownBy(() -> Trainers.find("logistic_regression").train(holed, train.y(), Map.of(), 1))
        .hasMessage("feature 'c' is NaN at row 3; this trainer needs finite inputs (impute missing values)");
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
  void theOnnxExportGivesTheModelsOutputsThroughOnnxRuntime() throws Exception {
    EvalSet data = noisy(120, 4);
    Map<String, Object> params = Map.of("epochs", 5, "hidden_layers", 2, "hidden_units", 16);
    TrainedModel classifier = MLP.train(data.x(), data.y(), params, 5);
    double[] target = new double[data.x().rows()];
    for (int r = 0; r < target.length; r++) {
      target[r] = 1000 + 300 * data.x().get(r, 0) - 50 * data.x().get(r, 1);
    }
    TrainedModel regressor = MLP.train(
        data.x(), Labels.regression(new dev.slipway.core.NumericColumn("t", target)), params, 5);

    float[][] onnxProbabilities = runOnnx(classifier.toOnnx().orElseThrow(), data.x());
    double[][] probabilities = classifier.predictProbabilities(data.x());
    float[][] onnxValues = runOnnx(regressor.toOnnx().orElseThrow(), data.x());
    double[] values = regressor.predictValues(data.x());
    for (int r = 0; r < values.length; r++) {
      assertThat((double) onnxProbabilities[r][1]).isCloseTo(probabilities[r][1], within(1e-5));
      assertThat((double) onnxValues[r][0]).isCloseTo(values[r], within(1e-6 * Math.abs(values[r]) + 1e-3));
    }
    assertThat(MLP.exportsOnnx()).isTrue();
  }

  private static float[][] runOnnx(byte[] model, FeatureMatrix x) throws Exception {
    float[][] input = new float[x.rows()][x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < x.cols(); c++) {
        input[r][c] = (float) x.get(r, c);
      }
    }
    ai.onnxruntime.OrtEnvironment env = ai.onnxruntime.OrtEnvironment.getEnvironment();
    try (ai.onnxruntime.OrtSession session = env.createSession(model);
        ai.onnxruntime.OnnxTensor tensor = ai.onnxruntime.OnnxTensor.createTensor(env, input);
        ai.onnxruntime.OrtSession.Result result = session.run(Map.of("input", tensor))) {
      return (float[][]) result.get(0).getValue();
    }
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
