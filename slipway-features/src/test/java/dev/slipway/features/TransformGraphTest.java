package dev.slipway.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransformGraphTest {

  private static Table table(double[] age, String... purpose) {
    return new Table(
        List.of(new NumericColumn("age", age), new StringColumn("purpose", purpose)));
  }

  @Test
  void fitUsesTrainingRowsOnly() {
    Table train = table(new double[] {20, 30, 40}, "car", "tv", "car");
    Table eval = table(new double[] {1000}, "boat");

    TransformGraph graph =
        TransformGraph.fit(train, List.of("age", "purpose"), TransformOptions.defaults());
    FeatureMatrix out = graph.apply(eval);

    // Hand-computed from the training rows: mean 30, population std sqrt(200/3).
    assertThat(out.get(0, 0)).isCloseTo((1000 - 30) / Math.sqrt(200.0 / 3), within(1e-12));
    assertThat(graph.outputNames())
        .containsExactly("age", "purpose=car", "purpose=tv", "purpose=<unseen>");
    assertThat(new double[] {out.get(0, 1), out.get(0, 2), out.get(0, 3)})
        .containsExactly(0, 0, 1);
  }

  @Test
  void meanImputationThenStandardisationMatchesSklearn() {
    // sklearn: make_pipeline(SimpleImputer(), StandardScaler()).fit_transform([[1],[nan],[3],[8]])
    // -> imputed [1, 4, 3, 8], mean 4, std sqrt(26/4)
    Table train = new Table(List.of(new NumericColumn("x", new double[] {1, Double.NaN, 3, 8})));
    FeatureMatrix out =
        TransformGraph.fit(train, List.of("x"), TransformOptions.defaults()).apply(train);
    double std = Math.sqrt(26.0 / 4);
    assertThat(out.values())
        .containsExactly(
            new double[] {(1 - 4) / std, 0.0, (3 - 4) / std, (8 - 4) / std}, within(1e-12));
  }

  @Test
  void medianImputationWithoutStandardisation() {
    Table train =
        new Table(List.of(new NumericColumn("x", new double[] {1, Double.NaN, 3, 8, 10})));
    TransformGraph graph =
        TransformGraph.fit(train, List.of("x"), new TransformOptions("median", false, 50));
    assertThat(graph.apply(train).values()).containsExactly(1, 5.5, 3, 8, 10);
  }

  @Test
  void constantColumnIsScaledByOne() {
    Table train = new Table(List.of(new NumericColumn("x", new double[] {7, 7, 7})));
    TransformGraph graph = TransformGraph.fit(train, List.of("x"), TransformOptions.defaults());
    Table serve = new Table(List.of(new NumericColumn("x", new double[] {9})));
    assertThat(graph.apply(serve).values()).containsExactly(2.0);
  }

  @Test
  void vocabularyIsMostFrequentFirstCappedAndMissingGoesToUnseen() {
    Table train =
        new Table(
            List.of(
                new StringColumn("c", new String[] {"b", "a", "c", "c", "a", "d", null, "c"})));
    TransformGraph graph =
        TransformGraph.fit(train, List.of("c"), new TransformOptions("mean", true, 2));
    // counts: c 3, a 2, b 1, d 1 -> keep c, a; ties broken by value.
    assertThat(graph.outputNames()).containsExactly("c=c", "c=a", "c=<unseen>");

    Table serve = new Table(List.of(new StringColumn("c", new String[] {"a", "b", null, "zz"})));
    FeatureMatrix out = graph.apply(serve);
    assertThat(out.values()).containsExactly(0, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 1);
  }

  @Test
  void categoricalArrivingAsNumbersIsMatchedByText() {
    Table train = new Table(List.of(new StringColumn("code", new String[] {"1", "2", "2"})));
    TransformGraph graph = TransformGraph.fit(train, List.of("code"), TransformOptions.defaults());
    Table serve = new Table(List.of(new NumericColumn("code", new double[] {1, 3})));
    assertThat(graph.apply(serve).values()).containsExactly(0, 1, 0, 0, 0, 1);
  }

  @Test
  void jsonRoundTripGivesIdenticalOutputsOnEveryRow() {
    Random random = new Random(42);
    int n = 500;
    double[] x = new double[n];
    String[] c = new String[n];
    for (int i = 0; i < n; i++) {
      x[i] = random.nextInt(10) == 0 ? Double.NaN : random.nextGaussian() * 1e3 + 1 / 3.0;
      c[i] = random.nextInt(10) == 0 ? null : "v" + random.nextInt(80);
    }
    Table data = new Table(List.of(new NumericColumn("x", x), new StringColumn("c", c)));
    TransformGraph graph = TransformGraph.fit(data, List.of("x", "c"), TransformOptions.defaults());

    byte[] json = graph.toJson();
    TransformGraph back = TransformGraph.fromJson(json);

    assertThat(back).isEqualTo(graph);
    assertThat(back.apply(data)).isEqualTo(graph.apply(data));
    assertThat(back.toJson()).isEqualTo(json);
    assertThat(graph.outputNames()).hasSize(1 + 50 + 1);
    assertThat(new String(json, StandardCharsets.UTF_8))
        .contains("\"formatVersion\" : 1", "\"kind\" : \"numeric\"", "\"kind\" : \"categorical\"");
  }

  @Test
  void missingInputColumnIsNamed() {
    TransformGraph graph =
        TransformGraph.fit(
            table(new double[] {1, 2}, "a", "b"), List.of("age", "purpose"), TransformOptions.defaults());
    Table serve = new Table(List.of(new NumericColumn("age", new double[] {3})));
    assertThatThrownBy(() -> graph.apply(serve))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no column 'purpose'");
  }

  @Test
  void numericColumnArrivingAsTextIsRejectedClearly() {
    TransformGraph graph =
        TransformGraph.fit(
            new Table(List.of(new NumericColumn("age", new double[] {1, 2}))),
            List.of("age"),
            TransformOptions.defaults());
    Table serve = new Table(List.of(new StringColumn("age", new String[] {"abc"})));
    assertThatThrownBy(() -> graph.apply(serve))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("column 'age' holds text")
        .hasMessageContaining("'abc'");
  }

  @Test
  void unknownFeatureColumnAtFitIsNamed() {
    assertThatThrownBy(
            () ->
                TransformGraph.fit(
                    table(new double[] {1}, "a"), List.of("agee"), TransformOptions.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no column 'agee'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mode", "MEAN", ""})
  void invalidImputationIsRejected(String impute) {
    assertThatThrownBy(() -> new TransformOptions(impute, true, 50))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "transform parameter 'numeric_impute' is '" + impute + "'; expected mean or median");
  }

  @Test
  void maxCategoriesMustBePositive() {
    assertThatThrownBy(() -> new TransformOptions("mean", true, 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'max_categories' is 0");
  }

  @Test
  void unsupportedFormatVersionIsRejected() {
    TransformGraph graph =
        TransformGraph.fit(table(new double[] {1}, "a"), List.of("age"), TransformOptions.defaults());
    String json =
        new String(graph.toJson(), StandardCharsets.UTF_8)
            .replace("\"formatVersion\" : 1", "\"formatVersion\" : 99");
    assertThatThrownBy(() -> TransformGraph.fromJson(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("format version 99 is not supported");
  }

  @Test
  void featureMatrixIsRowMajor() {
    FeatureMatrix m = new FeatureMatrix(List.of("a", "b"), 2, new double[] {1, 2, 3, 4.5});
    assertThat(m.get(1, 0)).isEqualTo(3);
    assertThat(m.cols()).isEqualTo(2);
    assertThat(m.toFloats()).containsExactly(1f, 2f, 3f, 4.5f);
    assertThat(m.take(new int[] {1}).values()).containsExactly(3, 4.5);
    assertThatThrownBy(() -> new FeatureMatrix(List.of("a"), 2, new double[3]))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void emptyBatchGivesEmptyMatrix() {
    TransformGraph graph =
        TransformGraph.fit(table(new double[] {1}, "a"), List.of("age", "purpose"), TransformOptions.defaults());
    FeatureMatrix out = graph.apply(table(new double[0]));
    assertThat(out.rows()).isZero();
    assertThat(out.cols()).isEqualTo(3);
  }
}
