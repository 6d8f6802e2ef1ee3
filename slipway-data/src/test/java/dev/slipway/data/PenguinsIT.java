package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data stage on palmerpenguins (344 rows, quoted strings, 19 missing cells per the README). */
class PenguinsIT {
  private static Table table;

  @BeforeAll
  static void load() {
    Path file = RealData.DIR.resolve("penguins.csv");
    table = Files.isRegularFile(file) ? CsvReader.read(file) : null;
  }

  @BeforeEach
  void requireData() {
    RealData.require("penguins.csv"); // skips each test, with the reason, when absent
  }

  @Test
  void missingCellsPerColumn() {
    // Known facts of palmerpenguins: 2 rows lack all measurements, 11 lack sex; 19 in total.
    Statistics stats = StatisticsCalculator.compute(table);
    assertThat(stats.rows()).isEqualTo(344);
    Map<String, Long> missing =
        Map.of("species", 0L, "island", 0L, "bill_length_mm", 2L, "bill_depth_mm", 2L,
            "flipper_length_mm", 2L, "body_mass_g", 2L, "sex", 11L, "year", 0L);
    missing.forEach((name, n) -> assertThat(stats.feature(name).orElseThrow().missing()).as(name).isEqualTo(n));
    assertThat(stats.features().stream().mapToLong(Statistics.Feature::missing).sum()).isEqualTo(19);
    assertThat(stats.feature("species").orElseThrow().strings().topValues())
        .containsExactly(new ValueCount("Adelie", 152), new ValueCount("Gentoo", 124),
            new ValueCount("Chinstrap", 68));
  }

  /**
   * numpy: {@code /usr/bin/python3 slipway-data/src/test/python/reference_statistics.py} printed
   * "bill_length_mm 342 43.9219298245614 5.4515960231618195 [32.1, 36.6, 38.339999999999996,
   * 39.225, 40.2, 42.0, 44.45, 46.0, 47.37, 48.5, 49.38, 50.8, 59.6]" (present values only).
   */
  @Test
  void floatColumnWithMissingValuesMatchesNumpy() {
    Statistics.Feature f = StatisticsCalculator.compute(table).feature("bill_length_mm").orElseThrow();
    assertThat(f.type()).isEqualTo(FeatureType.FLOAT);
    assertThat(f.count()).isEqualTo(342);
    assertThat(f.numeric().mean()).isCloseTo(43.9219298245614, within(1e-9));
    assertThat(f.numeric().std()).isCloseTo(5.4515960231618195, within(1e-9));
    double[] expected = {32.1, 36.6, 38.339999999999996, 39.225, 40.2, 42.0, 44.45, 46.0, 47.37,
        48.5, 49.38, 50.8, 59.6};
    for (int i = 0; i < expected.length; i++) {
      assertThat(f.numeric().quantiles().get(i).value()).isCloseTo(expected[i], within(1e-9));
    }
  }

  @Test
  void schemaFromCompleteRowsFlagsEveryColumnWithMissingValues() {
    int[] complete = IntStream.range(0, table.rowCount())
        .filter(r -> table.columns().stream().noneMatch(c -> c.isMissing(r))).toArray();
    assertThat(complete).hasSize(333);
    Schema schema = SchemaInference.infer(table.take(complete));
    assertThat(schema.feature("sex").orElseThrow())
        .isEqualTo(new Schema.Feature("sex", FeatureType.STRING, true, List.of("female", "male")));
    assertThat(schema.feature("year").orElseThrow().type()).isEqualTo(FeatureType.INT);
    assertThat(SchemaValidator.validate(table, schema).items())
        .extracting(Anomaly::code, Anomaly::feature)
        .containsExactly(
            tuple("FEATURE_TYPE_LOW_FRACTION_PRESENT", "bill_length_mm"),
            tuple("FEATURE_TYPE_LOW_FRACTION_PRESENT", "bill_depth_mm"),
            tuple("FEATURE_TYPE_LOW_FRACTION_PRESENT", "flipper_length_mm"),
            tuple("FEATURE_TYPE_LOW_FRACTION_PRESENT", "body_mass_g"),
            tuple("FEATURE_TYPE_LOW_FRACTION_PRESENT", "sex"));
    assertThat(SchemaValidator.validate(table, schema).items().get(4).message())
        .isEqualTo("column 'sex' is required but 11 of 344 rows have no value (3.2%)");
  }

  @Test
  void roundTripsThroughCanonicalCsv(@TempDir Path dir) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(table, out);
    Path copy = Files.write(dir.resolve("penguins.csv"), out.toByteArray());
    Table back = CsvReader.read(copy, CsvReader.typesOf(table));
    assertThat(back).isEqualTo(table);
    assertThat(back.column("sex")).isInstanceOf(StringColumn.class);
    assertThat(((NumericColumn) back.column("bill_length_mm")).values()[3]).isNaN();
  }
}
