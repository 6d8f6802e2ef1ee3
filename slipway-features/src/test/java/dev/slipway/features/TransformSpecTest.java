package dev.slipway.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TransformSpecTest {

  private static Table table() {
    return new Table(
        List.of(
            new NumericColumn("age", new double[] {20, 30, Double.NaN, -1}),
            new StringColumn("purpose", new String[] {"car", "tv", "car", null})));
  }

  private static void fails(List<Map<String, Object>> spec, String... parts) {
    assertThatThrownBy(() -> TransformGraph.fit(table(), TransformSpec.parse(spec)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContainingAll(parts);
  }

  @Test
  void unknownOpNamesTheStepAndTheAllowedOps() {
    fails(
        List.of(Map.of("op", "standardize", "columns", List.of("age")), Map.of("op", "scale")),
        "transform step 2 has op 'scale'; expected one of impute, log, standardize, min_max");
  }

  @Test
  void unknownColumnNamesStepOpColumnAndTheColumns() {
    fails(
        List.of(Map.of("op", "one_hot", "columns", List.of("purpse"))),
        "transform step 1 (one_hot): column 'purpse' is not in the training data; the columns are"
            + " age, purpose");
  }

  @Test
  void badValuesNameTheParameterAndTheAllowedRange() {
    fails(
        List.of(Map.of("op", "bucketize", "columns", List.of("age"), "buckets", 1)),
        "transform step 1 (bucketize): parameter 'buckets' is 1; expected a whole number from 2 to 1000");
    fails(
        List.of(Map.of("op", "impute", "columns", List.of("age"), "strategy", "mode")),
        "parameter 'strategy' is 'mode'; expected one of mean, median, most_frequent, constant");
    fails(
        List.of(Map.of("op", "standardize", "columns", List.of("age"), "with_mean", true)),
        "unknown parameter 'with_mean'; standardize takes columns");
    fails(
        List.of(Map.of("op", "text", "column", "purpose", "max_tokens", 50_000)),
        "parameter 'max_tokens' is 50000; expected a whole number from 1 to 20000");
  }

  @Test
  void wrongKindOfColumnIsNamed() {
    fails(
        List.of(Map.of("op", "standardize", "columns", List.of("purpose"))),
        "transform step 1 (standardize): column 'purpose' holds text; standardize needs numbers");
    fails(
        List.of(Map.of("op", "log", "columns", List.of("age")), Map.of("op", "passthrough", "columns", List.of("age"))),
        "transform step 1 (log): column 'age' has -1.0; log(x + 1.0) needs x > -1.0");
  }

  @Test
  void rewriteThatIsNeverOutputIsRejected() {
    fails(
        List.of(
            Map.of("op", "impute", "columns", List.of("age")),
            Map.of("op", "one_hot", "columns", List.of("purpose"))),
        "transform step 1 (impute): column 'age' is rewritten but no later step outputs it");
  }

  @Test
  void clashingOutputNamesAreRejected() {
    assertThatThrownBy(
            () ->
                TransformGraph.fit(
                    table(),
                    TransformSpec.parse(
                        List.of(
                            Map.of("op", "standardize", "columns", List.of("age")),
                            Map.of("op", "min_max", "columns", List.of("age"))))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("transform output name 'age' occurs twice");
  }

  @Test
  void fittedGraphIsVersion2DeterministicJsonWithOneEntryPerOutputGroup() {
    TransformSpec spec =
        TransformSpec.parse(
            List.of(
                Map.of("op", "impute", "columns", List.of("purpose"), "strategy", "most_frequent"),
                Map.of("op", "one_hot", "columns", List.of("purpose")),
                Map.of("op", "standardize", "columns", List.of("age"))));
    TransformGraph graph = TransformGraph.fit(table(), spec);
    byte[] json = graph.toJson();
    String text = new String(json, StandardCharsets.UTF_8);
    assertThat(text).contains("\"formatVersion\" : 2", "\"kind\" : \"category\"", "\"kind\" : \"scale\"");
    assertThat(graph.steps()).hasSize(2);
    assertThat(TransformGraph.fit(table(), spec).toJson()).isEqualTo(json);
    TransformGraph back = TransformGraph.fromJson(json);
    assertThat(back).isEqualTo(graph);
    assertThat(back.apply(table())).isEqualTo(graph.apply(table()));
    // Missing purpose imputed with the most frequent value, car.
    assertThat(graph.outputNames()).containsExactly("purpose=car", "purpose=tv", "purpose=<unseen>", "age");
    assertThat(graph.apply(table()).get(3, 0)).isEqualTo(1.0);
  }

  @Test
  void singleServingRowWithAllMissingNumberArrivingAsTextIsMissing() {
    TransformGraph graph =
        TransformGraph.fit(
            table(), TransformSpec.parse(List.of(Map.of("op", "standardize", "columns", List.of("age")))));
    Table serve = new Table(List.of(new StringColumn("age", new String[] {null})));
    assertThat(graph.apply(serve).values()).containsExactly(0.0);
  }
}
