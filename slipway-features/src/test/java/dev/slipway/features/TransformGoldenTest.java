package dev.slipway.features;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Guards the format-version-1 transform graphs that model bundles written before declarative
 * transforms hold. The files under {@code golden/} were written by the code of commit 23d89de
 * (before formatVersion 2 existed) from {@link #fixture()}, together with what that code's {@code
 * apply} gave on the same rows; they must never be regenerated.
 */
class TransformGoldenTest {

  /** The table the golden v1 files were fitted on. */
  static Table fixture() {
    return new Table(
        List.of(
            new NumericColumn("age", new double[] {22, 35, Double.NaN, 41, 67, 29}),
            new StringColumn("purpose", new String[] {"car", "tv", "car", null, "radio/tv", "car"}),
            new NumericColumn("score", new double[] {0.5, 0.25, 1.0, 0.125, 3.0, Double.NaN}),
            new StringColumn("class", new String[] {"good", "bad", "good", "good", "bad", "good"})));
  }

  static byte[] resource(String name) {
    try (InputStream in = TransformGoldenTest.class.getResourceAsStream("/golden/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource golden/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @CsvSource({"transform-v1.json, mean, true, 50", "transform-v1-median.json, median, false, 2"})
  void version1GraphLoadsAppliesAndIsStillWrittenByTheDefaultPath(
      String file, String impute, boolean standardize, int maxCategories) {
    byte[] golden = resource(file);
    TransformGraph graph = TransformGraph.fromJson(golden);

    assertThat(graph.formatVersion()).isEqualTo(1);
    assertThat(graph.toJson()).isEqualTo(golden);
    assertThat(graph.inputColumns()).containsExactly("age", "purpose", "score");
    TransformGraph refitted =
        TransformGraph.fit(
            fixture(),
            List.of("age", "purpose", "score"),
            new TransformOptions(impute, standardize, maxCategories));
    assertThat(new String(refitted.toJson(), StandardCharsets.UTF_8))
        .isEqualTo(new String(golden, StandardCharsets.UTF_8));

    String[] lines =
        new String(resource(file.replace(".json", "-applied.csv")), StandardCharsets.UTF_8)
            .split("\n");
    FeatureMatrix out = graph.apply(fixture());
    assertThat(out.names()).containsExactly(lines[0].split(","));
    for (int r = 0; r < out.rows(); r++) {
      double[] expected =
          Arrays.stream(lines[r + 1].split(",")).mapToDouble(Double::parseDouble).toArray();
      double[] actual = Arrays.copyOfRange(out.values(), r * out.cols(), (r + 1) * out.cols());
      assertThat(actual).as("row %d", r).containsExactly(expected);
    }
  }
}
