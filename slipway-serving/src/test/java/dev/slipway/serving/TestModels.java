package dev.slipway.serving;

import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Predictions;
import dev.slipway.core.Predictor;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import java.util.ArrayList;
import java.util.List;

/** Small hand-written predictors whose outputs the tests can compute by hand. */
final class TestModels {
  private TestModels() {}

  static final Schema SCHEMA =
      new Schema(
          List.of(
              new Schema.Feature("age", FeatureType.INT, true, null),
              new Schema.Feature("income", FeatureType.FLOAT, false, null),
              new Schema.Feature("job", FeatureType.STRING, false, List.of("clerk", "engineer"))));

  /** The job value that makes {@link #credit()} throw, to test model failures. */
  static final String EXPLODE = "explode";

  /**
   * Logistic score: z = (age - 40) / 10 + income / 1000 (missing income counts as 0); P(good) =
   * 1 / (1 + e^-z); label "good" when P(good) >= 0.5. Throws when job is {@link #EXPLODE}.
   */
  static Predictor credit() {
    return new Predictor() {
      @Override
      public Schema inputSchema() {
        return SCHEMA;
      }

      @Override
      public Task task() {
        return Task.CLASSIFICATION;
      }

      @Override
      public List<String> classes() {
        return List.of("bad", "good");
      }

      @Override
      public Predictions predict(Table rows) {
        NumericColumn age = (NumericColumn) rows.column("age");
        NumericColumn income = (NumericColumn) rows.column("income");
        StringColumn job = (StringColumn) rows.column("job");
        int n = rows.rowCount();
        List<String> labels = new ArrayList<>(n);
        double[][] probabilities = new double[n][];
        for (int i = 0; i < n; i++) {
          if (EXPLODE.equals(job.get(i))) {
            throw new IllegalStateException("boom at row " + i);
          }
          double in = income.isMissing(i) ? 0 : income.get(i);
          double z = (age.get(i) - 40) / 10 + in / 1000;
          double good = 1 / (1 + Math.exp(-z));
          probabilities[i] = new double[] {1 - good, good};
          labels.add(good >= 0.5 ? "good" : "bad");
        }
        return new Predictions(labels, probabilities, null);
      }
    };
  }

  /** Regression: value = 2 * age + 1. */
  static Predictor doubler() {
    return new Predictor() {
      @Override
      public Schema inputSchema() {
        return new Schema(List.of(new Schema.Feature("age", FeatureType.INT, true, null)));
      }

      @Override
      public Task task() {
        return Task.REGRESSION;
      }

      @Override
      public List<String> classes() {
        return List.of();
      }

      @Override
      public Predictions predict(Table rows) {
        NumericColumn age = (NumericColumn) rows.column("age");
        double[] values = new double[rows.rowCount()];
        for (int i = 0; i < values.length; i++) {
          values[i] = 2 * age.get(i) + 1;
        }
        return new Predictions(null, null, values);
      }
    };
  }
}
