package dev.slipway.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.Json;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The batch = serving test: a graph fitted on a real data set, persisted and read back,
 * gives every row exactly (bit for bit) the same values whether the row is transformed in one
 * batch with all the others or alone, as at serving. Skipped, saying why, when the data sets in
 * {@code ../shared/data} are absent.
 */
class BatchServingParityTest {
  private static final Path DATA = Path.of(System.getProperty("user.dir")).resolve("../../shared/data");

  static Stream<Arguments> dataSets() {
    return Stream.of(
        Arguments.of(
            "credit_g.csv",
            """
            - {op: standardize, columns: [duration, age]}
            - {op: log, columns: [credit_amount]}
            - {op: min_max, columns: [credit_amount]}
            - {op: bucketize, columns: [age], buckets: 5}
            - {op: one_hot, columns: [purpose, checking_status], max_categories: 5, min_frequency: 20}
            - {op: ordinal, columns: [savings_status]}
            - {op: vocabulary, columns: [job], top_k: 2}
            - {op: cross, columns: [personal_status, foreign_worker], min_frequency: 10}
            """),
        Arguments.of(
            "telco_churn.csv",
            """
            - {op: impute, columns: [total_charges], strategy: median}
            - {op: log, columns: [total_charges]}
            - {op: standardize, columns: [tenure, monthly_charges, total_charges]}
            - {op: one_hot, columns: [contract, payment_method, internet_service]}
            - {op: cross, columns: [contract, internet_service]}
            """),
        Arguments.of(
            "spam_assassin.csv",
            """
            - {op: text, column: subject, method: tfidf, max_tokens: 300}
            - {op: text, column: body, method: hashing, buckets: 256}
            - {op: date_parts, column: date, parts: [day_of_week, month, hour], invalid: missing}
            """),
        Arguments.of(
            "chicago_ridership.csv",
            """
            - {op: date_parts, column: date, parts: [year, month, day_of_week, day_of_year]}
            - {op: standardize, columns: [temp, humidity]}
            - {op: bucketize, columns: [percip], buckets: 4}
            - {op: passthrough, columns: [Bulls_Home]}
            """));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void everyRowAloneEqualsItsRowInTheBatch(String file, String specYaml) throws Exception {
    Path path = DATA.resolve(file).normalize();
    assumeTrue(Files.isRegularFile(path), "data set " + path + " is absent; skipping");
    Table data = CsvReader.read(path);
    TransformSpec spec = TransformSpec.parse(Json.YAML.readValue(specYaml, List.class));
    TransformGraph fitted = TransformGraph.fit(data, spec);
    TransformGraph graph = TransformGraph.fromJson(fitted.toJson());
    assertThat(graph).isEqualTo(fitted);
    assertThat(graph.toJson()).isEqualTo(fitted.toJson());
    assertThat(TransformGraph.fit(data, spec).toJson()).isEqualTo(fitted.toJson());

    FeatureMatrix batch = graph.apply(data);
    int cols = batch.cols();
    assertThat(Arrays.stream(batch.values()).allMatch(Double::isFinite)).isTrue();
    for (int r = 0; r < data.rowCount(); r++) {
      FeatureMatrix alone = graph.apply(data.take(new int[] {r}));
      double[] expected = Arrays.copyOfRange(batch.values(), r * cols, (r + 1) * cols);
      if (!Arrays.equals(alone.values(), expected)) {
        assertThat(alone.values()).as("%s row %d", file, r).containsExactly(expected);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dataSets")
  void specRoundTripsThroughJson(String file, String specYaml) throws Exception {
    TransformSpec spec = TransformSpec.parse(Json.YAML.readValue(specYaml, List.class));
    assertThat(Json.MAPPER.readValue(Json.bytes(spec), TransformSpec.class)).as(file).isEqualTo(spec);
  }
}
