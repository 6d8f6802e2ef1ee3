package dev.slipway.train;

import dev.slipway.train.evaluation.RegressionMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Trainer} on the class path passes, once per task it supports: binary
 * classification on credit_g (real data), three-class classification and regression on small
 * seeded synthetic sets. Quick parameters keep the suite fast; every trainer runs single-threaded.
 *
 * <p>Plugin modules run this class from the test jar with the system property {@code
 * slipway.contract.trainers} naming their trainers, so that only those are checked there.
 */
class TrainerContractTest {

  /** Small, fast, single-threaded settings per trainer (defaults for the rest). */
  static Map<String, Object> quick(String trainer) {
    return switch (trainer) {
      case "xgboost" -> Map.of("num_round", 30, "subsample", 0.8);
      case "lightgbm" -> Map.of("num_iterations", 30, "bagging_fraction", 0.8, "bagging_freq", 1);
      case "logistic_regression", "linear_regression" -> Map.of("epochs", 10);
      case "cart" -> Map.of("fraction_features", 0.7);
      case "mlp" -> Map.of("epochs", 30, "learning_rate", 0.01);
      default -> Map.of();
    };
  }

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    for (Trainer t : checked()) {
      if (t.tasks().contains(Task.CLASSIFICATION)) {
        out.add(Arguments.of(t.name(), "binary"));
        out.add(Arguments.of(t.name(), "multiclass"));
      }
      if (t.tasks().contains(Task.REGRESSION)) {
        out.add(Arguments.of(t.name(), "regression"));
      }
    }
    return out.stream();
  }

  static Stream<String> trainers() {
    return checked().stream().map(Trainer::name);
  }

  /** The trainers named by {@code slipway.contract.trainers}, or all of them. */
  static List<Trainer> checked() {
    String only = System.getProperty("slipway.contract.trainers", "");
    if (only.isBlank()) {
      return Trainers.all();
    }
    return Stream.of(only.split(",")).map(String::trim).map(Trainers::find).toList();
  }

  record Data(FeatureMatrix x, Labels y, FeatureMatrix probe) {}

  static Data data(String kind) {
    if (kind.equals("binary")) {
      CreditGFixture credit = CreditGFixture.load();
      return new Data(credit.xTrain(), credit.yTrain(), credit.xEval());
    }
    Random random = new Random(11);
    int n = 300;
    double[] x = new double[n * 2];
    String[] cls = new String[n];
    double[] target = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = random.nextDouble() * 3;
      x[2 * i + 1] = random.nextGaussian();
      cls[i] = "c" + (int) x[2 * i];
      target[i] = 3 * x[2 * i] - x[2 * i + 1] + 0.1 * random.nextGaussian();
    }
    FeatureMatrix m = new FeatureMatrix(List.of("u", "v"), n, x);
    Labels y =
        kind.equals("multiclass")
            ? Labels.classification(new StringColumn("y", cls))
            : Labels.regression(new NumericColumn("t", target));
    return new Data(m, y, m);
  }

  private static Object predict(TrainedModel model, Data d) {
    return d.y().task() == Task.CLASSIFICATION
        ? model.predictProbabilities(d.probe())
        : model.predictValues(d.probe());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void sameSeedGivesTheSamePredictionsAndSaveLoadKeepsThem(String name, String kind) {
    Trainer trainer = Trainers.find(name);
    Data d = data(kind);
    TrainedModel a = trainer.train(d.x(), d.y(), quick(name), 7);
    TrainedModel b = trainer.train(d.x(), d.y(), quick(name), 7);
    assertThat(predict(b, d)).isEqualTo(predict(a, d));
    TrainedModel back = trainer.load(a.toBytes());
    assertThat(back.trainer()).isEqualTo(name);
    assertThat(predict(back, d)).isEqualTo(predict(a, d));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void learnsAndProbabilitiesSumToOne(String name, String kind) {
    Trainer trainer = Trainers.find(name);
    Data d = data(kind);
    TrainedModel model = trainer.train(d.x(), d.y(), quick(name), 1);
    if (d.y().task() == Task.REGRESSION) {
      double r2 = RegressionMetrics.of(d.y().values(), model.predictValues(d.x())).get("r2");
      assertThat(r2).as("training r2").isGreaterThan(0.8);
      assertThatThrownBy(() -> model.predictProbabilities(d.x()))
          .isInstanceOf(InvalidInputException.class);
      return;
    }
    double[][] p = model.predictProbabilities(d.probe());
    for (double[] row : p) {
      assertThat(row).hasSize(d.y().classes().size());
      double sum = 0;
      for (double v : row) {
        assertThat(v).isBetween(0.0, 1.0);
        sum += v;
      }
      assertThat(sum).isCloseTo(1.0, within(1e-6));
    }
    if (kind.equals("binary")) {
      CreditGFixture credit = CreditGFixture.load();
      double auc = credit.evalAuc(trainer.train(d.x(), d.y(), Map.of(), 42));
      System.out.printf("credit_g holdout ROC AUC, %s (defaults, seed 42): %.4f%n", name, auc);
      assertThat(auc).isGreaterThan(name.equals("cart") ? 0.65 : 0.75);
    }
  }

  @ParameterizedTest
  @MethodSource("trainers")
  void parameterOutOfRangeNamesParameterValueAndRange(String name) {
    Trainer trainer = Trainers.find(name);
    for (Map.Entry<String, Object> p : trainer.defaultParameters().entrySet()) {
      if (!(p.getValue() instanceof Number)) {
        continue;
      }
      assertThatThrownBy(() -> trainer.resolveParameters(Map.of(p.getKey(), -5000)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageStartingWith(
              "parameter '" + p.getKey() + "' of trainer '" + name + "' is -5000; expected")
          .hasMessageMatching(".* in [\\[(]-?[0-9.]+, ([0-9.]+|inf)]");
    }
    assertThatThrownBy(() -> trainer.resolveParameters(Map.of("no_such_parameter", 1)))
        .hasMessageContaining("unknown parameter 'no_such_parameter'");
    assertThat(trainer.resolveParameters(Map.of())).isEqualTo(trainer.defaultParameters());
  }

  @ParameterizedTest
  @MethodSource("trainers")
  void classWeightIsValidatedAndUsed(String name) {
    Trainer trainer = Trainers.find(name);
    if (!trainer.tasks().contains(Task.CLASSIFICATION)) {
      assertThat(trainer.defaultParameters()).doesNotContainKey(ClassWeights.PARAMETER);
      return;
    }
    assertThat(trainer.defaultParameters()).containsEntry(ClassWeights.PARAMETER, "none");
    assertThatThrownBy(() -> trainer.resolveParameters(Map.of("class_weight", "heavy")))
        .hasMessage(
            "parameter 'class_weight' of trainer '" + name + "' is 'heavy'; expected none,"
                + " balanced or a map from class to weight, e.g. {bad: 2.0}");
    assertThatThrownBy(() -> trainer.resolveParameters(Map.of("class_weight", Map.of("bad", -1))))
        .hasMessageContaining("gives class 'bad' the weight -1; expected a number in (0, inf)");
    Data d = data("binary");
    TrainedModel plain = trainer.train(d.x(), d.y(), quick(name), 3);
    TrainedModel balanced =
        trainer.train(d.x(), d.y(), with(quick(name), "class_weight", "balanced"), 3);
    TrainedModel upweighted =
        trainer.train(d.x(), d.y(), with(quick(name), "class_weight", Map.of("bad", 5.0)), 3);
    // credit_g is 30% bad: weighting the minority class raises its mean predicted probability.
    assertThat(meanFirstColumn(balanced, d)).isGreaterThan(meanFirstColumn(plain, d));
    assertThat(meanFirstColumn(upweighted, d)).isGreaterThan(meanFirstColumn(balanced, d));
    assertThatThrownBy(
            () -> trainer.train(d.x(), d.y(), Map.of("class_weight", Map.of("ugly", 2)), 3))
        .hasMessageContaining("names class 'ugly', which is not among the label's classes");
  }

  private static double meanFirstColumn(TrainedModel model, Data d) {
    double sum = 0;
    double[][] p = model.predictProbabilities(d.probe());
    for (double[] row : p) {
      sum += row[0];
    }
    return sum / p.length;
  }

  static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
    Map<String, Object> out = new java.util.HashMap<>(base);
    out.put(key, value);
    return out;
  }

  @ParameterizedTest
  @MethodSource("trainers")
  void badLabelsAreRefusedWithAClearMessage(String name) {
    assertThatThrownBy(
            () -> Labels.classification(new StringColumn("class", new String[] {"good", "good"})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("label column 'class' has 1 class(es) [good]; classification needs at least 2");
    assertThatThrownBy(
            () -> Labels.regression(new NumericColumn("price", new double[] {1, Double.NaN})))
        .hasMessage("label column 'price' is missing at row 1; every row needs a label");
    assertThatThrownBy(
            () -> new Labels(Task.REGRESSION, List.of(), null, new double[] {1, Double.NaN}))
        .hasMessage("the label is NaN at row 1; every row needs a finite label");
    assertThatThrownBy(
            () -> new Labels(Task.CLASSIFICATION, List.of("good"), new int[] {0, 0}, null))
        .hasMessage("the label has 1 class(es) [good]; classification needs at least 2");
    Trainer trainer = Trainers.find(name);
    FeatureMatrix m = new FeatureMatrix(List.of("x"), 3, new double[] {1, 2, 3});
    Labels two =
        trainer.tasks().contains(Task.CLASSIFICATION)
            ? Labels.classification(new StringColumn("y", new String[] {"a", "b"}))
            : Labels.regression(new NumericColumn("y", new double[] {1, 2}));
    assertThatThrownBy(() -> trainer.train(m, two, Map.of(), 1))
        .hasMessage("the feature matrix has 3 rows but there are 2 labels");
  }

  @ParameterizedTest
  @MethodSource("trainers")
  void allMissingFeatureIsRefused(String name) {
    Table train =
        new Table(
            List.of(
                new NumericColumn("age", new double[] {30, 40}),
                new NumericColumn("income", new double[] {Double.NaN, Double.NaN})));
    assertThatThrownBy(() -> TrainingData.checkFeaturesPresent(train, List.of("age", "income")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "feature column 'income' is missing in all 2 training rows; drop it from the features"
                + " or fill it in the data");
    TrainingData.checkFeaturesPresent(train, List.of("age"));
    assertThat(Trainers.find(name).name()).isEqualTo(name);
  }
}
