package dev.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class InferenceRequestReaderTest {

  private final InferenceRequestReader reader =
      new InferenceRequestReader(TestModels.SCHEMA, List.of("label", "probabilities"));

  private InferenceRequestReader.InferenceRequest read(String json) {
    return reader.read(json.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsColumnsInSchemaOrderWhateverTheInputOrder() {
    var r =
        read(
            """
            {"id": "r1", "inputs": [
              {"name": "job", "shape": [2], "datatype": "BYTES", "data": ["clerk", null]},
              {"name": "income", "shape": [2, 1], "datatype": "FP64", "data": [[1500], [null]]},
              {"name": "age", "shape": [2], "datatype": "INT64", "data": [41, 7.0]}]}
            """);
    assertThat(r.id()).isEqualTo("r1");
    assertThat(r.rows().names()).containsExactly("age", "income", "job");
    assertThat(((NumericColumn) r.rows().column("age")).values()).containsExactly(41, 7);
    NumericColumn income = (NumericColumn) r.rows().column("income");
    assertThat(income.get(0)).isEqualTo(1500.0);
    assertThat(income.isMissing(1)).isTrue();
    assertThat(((StringColumn) r.rows().column("job")).values()).containsExactly("clerk", null);
    assertThat(r.outputs()).containsExactly("label", "probabilities");
  }

  @Test
  void absentOptionalFeaturesBecomeMissingColumns() {
    var r = read("{\"inputs\": [{\"name\": \"age\", \"shape\": [1], \"datatype\": \"INT32\", \"data\": [30]}]}");
    assertThat(r.id()).isNull();
    assertThat(r.rows().column("income").isMissing(0)).isTrue();
    assertThat(r.rows().column("job").isMissing(0)).isTrue();
  }

  @Test
  void requestedOutputsNarrowTheResponse() {
    var r =
        read(
            "{\"inputs\": [{\"name\": \"age\", \"shape\": [1], \"datatype\": \"INT64\", \"data\": [30]}],"
                + " \"outputs\": [{\"name\": \"label\"}]}");
    assertThat(r.outputs()).containsExactly("label");
  }

  @Test
  void fractionalValueInIntegralDatatypeIsRejected() {
    assertThatThrownBy(
            () -> read("{\"inputs\": [{\"name\": \"age\", \"shape\": [1], \"datatype\": \"INT64\", \"data\": [3.5]}]}"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'age'")
        .hasMessageContaining("3.5");
  }

  @Test
  void trailingGarbageIsMalformed() {
    assertThatThrownBy(() -> read("{\"inputs\": []} x"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("malformed JSON body: ");
  }
}
