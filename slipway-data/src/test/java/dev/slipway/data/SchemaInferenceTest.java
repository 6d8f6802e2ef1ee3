package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaInferenceTest {

  private static final Table TABLE =
      new Table(
          List.of(
              new NumericColumn("n", new double[] {1, 2, 3, 4}),
              new NumericColumn("f", new double[] {1.5, Double.NaN, 3, 4}),
              new StringColumn("s", new String[] {"b", "c", "a", "b"}),
              new StringColumn("t", new String[] {"x", null, "y", "x"}),
              new NumericColumn("empty", new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN}),
              new StringColumn("none", new String[4])));

  @Test
  void typesPresenceAndSortedDomains() {
    Schema schema = SchemaInference.infer(TABLE);
    assertThat(schema.features())
        .containsExactly(
            new Schema.Feature("n", FeatureType.INT, true, null),
            new Schema.Feature("f", FeatureType.FLOAT, false, null),
            new Schema.Feature("s", FeatureType.STRING, true, List.of("a", "b", "c")),
            new Schema.Feature("t", FeatureType.STRING, false, List.of("x", "y")),
            new Schema.Feature("empty", FeatureType.INT, false, null),
            new Schema.Feature("none", FeatureType.STRING, false, null));
  }

  @Test
  void fromStatisticsAgreesWithFromTableWhenTopValuesCoverEveryValue() {
    assertThat(SchemaInference.infer(StatisticsCalculator.compute(TABLE)))
        .isEqualTo(SchemaInference.infer(TABLE));
  }

  @Test
  void domainOnlyUpToMaxDomainSize() {
    assertThat(SchemaInference.infer(TABLE, 2).feature("s").orElseThrow().domain()).isNull();
    assertThat(SchemaInference.infer(TABLE, 2).feature("t").orElseThrow().domain())
        .containsExactly("x", "y");
    assertThat(SchemaInference.infer(StatisticsCalculator.compute(TABLE), 3).feature("s").orElseThrow().domain())
        .containsExactly("a", "b", "c");
  }

  @Test
  void domainFromTableListsValuesBeyondTheTopTwenty() {
    String[] values = new String[60];
    for (int i = 0; i < values.length; i++) {
      values[i] = String.format("v%02d", i % 30);
    }
    Table t = new Table(List.of(new StringColumn("s", values)));
    assertThat(SchemaInference.infer(t).features().get(0).domain()).hasSize(30).isSorted();
    // Statistics keep only 20 of the 30 values, so no complete domain can be given from them.
    assertThat(SchemaInference.infer(StatisticsCalculator.compute(t)).features().get(0).domain())
        .isNull();
  }

  @Test
  void negativeMaxDomainSizeIsRejected() {
    assertThatThrownBy(() -> SchemaInference.infer(TABLE, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
