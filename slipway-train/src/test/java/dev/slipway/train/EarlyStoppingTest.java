package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Early stopping on the credit_g eval split for the boosters. */
class EarlyStoppingTest {

  @ParameterizedTest
  @ValueSource(strings = {"xgboost", "lightgbm"})
  void stopsAtTheBestEvalRoundAndRecordsIt(String name) {
    CreditGFixture data = CreditGFixture.load();
    Trainer trainer = Trainers.find(name);
    String rounds = name.equals("xgboost") ? "num_round" : "num_iterations";
    // a high learning rate overfits quickly, so the eval loss turns up well before 500 rounds
    String rate = name.equals("xgboost") ? "eta" : "learning_rate";
    Map<String, Object> params = Map.of(rounds, 500, rate, 0.5, "early_stopping_rounds", 10);
    EvalSet eval = new EvalSet(data.xEval(), data.yEval());
    TrainedModel model = trainer.train(data.xTrain(), data.yTrain(), eval, params, 42);
    int best = Integer.parseInt(model.trainingSummary().get("best_iteration"));
    assertThat(best).isBetween(0, 100);
    // the summary survives save/load and lands in provenance
    assertThat(trainer.load(model.toBytes()).trainingSummary())
        .isEqualTo(model.trainingSummary());
    Provenance provenance = Provenance.of(trainer, params, 42, Map.of(), model);
    assertThat(provenance.training()).containsEntry("best_iteration", Integer.toString(best));
    // the kept model equals one trained for exactly best + 1 rounds
    TrainedModel exact =
        trainer.train(data.xTrain(), data.yTrain(), Map.of(rounds, best + 1, rate, 0.5), 42);
    assertThat(model.predictProbabilities(data.xEval()))
        .isEqualTo(exact.predictProbabilities(data.xEval()));
    assertThatThrownBy(() -> trainer.train(data.xTrain(), data.yTrain(), params, 42))
        .hasMessageContaining("'early_stopping_rounds' of trainer '" + name + "' needs eval rows");
  }
}
