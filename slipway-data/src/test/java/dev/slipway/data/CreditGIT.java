package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.NumericSummary;
import dev.slipway.core.Statistics.Quantile;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data stage on the real Statlog German Credit data (1000 rows, 21 columns, label {@code
 * class}), checked against references that do not use this module: numpy figures, commons-math3,
 * and counts made here from the raw lines (the file has no quoted fields, so splitting a line on
 * commas is exact — asserted below).
 */
class CreditGIT {
  private static Path file;
  private static List<String> header;
  private static List<String[]> raw;
  private static Table table;

  @BeforeAll
  static void load() throws IOException {
    file = RealData.DIR.resolve("credit_g.csv");
    if (!Files.isRegularFile(file)) {
      return; // each test is skipped, with the reason, by requireData()
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    header = List.of(lines.get(0).split(",", -1));
    raw = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      assertThat(line).doesNotContain("\"");
      String[] fields = line.split(",", -1);
      assertThat(fields).hasSize(header.size());
      raw.add(fields);
    }
    table = CsvReader.read(file);
  }

  @BeforeEach
  void requireData() {
    RealData.require("credit_g.csv");
  }

  private static double[] rawNumbers(String column) {
    int c = header.indexOf(column);
    return raw.stream().mapToDouble(f -> Double.parseDouble(f[c])).toArray();
  }

  private static double quantile(NumericSummary s, double q) {
    return s.quantiles().stream().filter(x -> x.q() == q).findFirst().orElseThrow().value();
  }

  @Test
  void readsEveryRowAndTypesTheColumns() {
    assertThat(table.rowCount()).isEqualTo(1000);
    assertThat(table.names()).isEqualTo(header);
    assertThat(table.column("age")).isInstanceOf(NumericColumn.class);
    assertThat(table.column("checking_status")).isInstanceOf(StringColumn.class);
    assertThat(table.columns().stream().filter(c -> c instanceof NumericColumn)).hasSize(7);
  }

  /**
   * numpy 1.24: {@code /usr/bin/python3 slipway-data/src/test/python/reference_statistics.py}
   * printed (mean, np.std with ddof=0, np.quantile at 0, .1, .2, .25, .3, .4, .5, .6, .7, .75, .8,
   * .9, 1):
   *
   * <pre>
   * duration 20.903 12.052783537424043 [4, 9, 12, 12, 12, 15, 18, 24, 24, 24, 30, 36, 72]
   * credit_amount 3271.258 2821.3251545038192 [250, 932, 1262, 1365.5, 1479.4, 1906.8000000000002,
   *   2319.5, 2852.3999999999996, 3590, 3972.25, 4720.000000000001, 7179.4000000000015, 18424]
   * age 35.546 11.36977941738537 [19, 23, 26, 27, 28, 30, 33, 36, 39, 42, 45, 52, 75]
   * </pre>
   */
  @Test
  void numericStatisticsMatchNumpy() {
    Statistics stats = StatisticsCalculator.compute(table);
    Map<String, double[]> expected =
        Map.of(
            "duration",
            new double[] {20.903, 12.052783537424043, 4, 9, 12, 12, 12, 15, 18, 24, 24, 24, 30, 36, 72},
            "credit_amount",
            new double[] {3271.258, 2821.3251545038192, 250, 932, 1262, 1365.5, 1479.4,
                1906.8000000000002, 2319.5, 2852.3999999999996, 3590, 3972.25, 4720.000000000001,
                7179.4000000000015, 18424},
            "age",
            new double[] {35.546, 11.36977941738537, 19, 23, 26, 27, 28, 30, 33, 36, 39, 42, 45, 52, 75});
    expected.forEach(
        (name, figures) -> {
          Statistics.Feature f = stats.feature(name).orElseThrow();
          assertThat(f.type()).isEqualTo(FeatureType.INT);
          assertThat(f.count()).isEqualTo(1000);
          assertThat(f.missing()).isZero();
          assertThat(f.numeric().mean()).as(name).isCloseTo(figures[0], within(1e-9));
          assertThat(f.numeric().std()).as(name).isCloseTo(figures[1], within(1e-9));
          List<Quantile> qs = f.numeric().quantiles();
          for (int i = 0; i < qs.size(); i++) {
            assertThat(qs.get(i).value()).as("%s q=%s", name, qs.get(i).q())
                .isCloseTo(figures[i + 2], within(1e-9));
          }
        });
  }

  /**
   * Equal-width histograms against numpy (its last bin is closed, as ours):
   *
   * <pre>
   * /usr/bin/python3 -c "import numpy as np, csv
   * rows = list(csv.DictReader(open('credit_g.csv')))
   * for c in ['age', 'credit_amount']:
   *     print(c, *np.histogram([float(r[c]) for r in rows], bins=10))"
   * </pre>
   */
  @Test
  void standardHistogramsMatchNumpy() {
    Statistics stats = StatisticsCalculator.compute(table);
    Map<String, double[]> counts =
        Map.of(
            "age", new double[] {149, 262, 177, 155, 89, 72, 42, 26, 21, 7},
            "credit_amount", new double[] {445, 293, 97, 80, 38, 19, 14, 8, 5, 1});
    Map<String, double[]> edges =
        Map.of("age", new double[] {19.0, 24.6, 75.0}, "credit_amount", new double[] {250.0, 2067.4, 18424.0});
    counts.forEach(
        (name, expected) -> {
          Statistics.Histogram h = stats.feature(name).orElseThrow().numeric().standardHistogram();
          assertThat(h.buckets()).extracting(Statistics.Bucket::count).containsExactly(
              java.util.Arrays.stream(expected).boxed().toArray(Double[]::new));
          assertThat(h.buckets().get(0).low()).isEqualTo(edges.get(name)[0]);
          assertThat(h.buckets().get(0).high()).isCloseTo(edges.get(name)[1], within(1e-9));
          assertThat(h.buckets().get(9).high()).isEqualTo(edges.get(name)[2]);
          assertThat(stats.feature(name).orElseThrow().numeric().median())
              .isEqualTo(quantile(stats.feature(name).orElseThrow().numeric(), 0.5));
        });
  }

  @Test
  void everyNumericColumnMatchesCommonsMath() {
    Statistics stats = StatisticsCalculator.compute(table);
    for (Column c : table.columns()) {
      if (!(c instanceof NumericColumn)) {
        continue;
      }
      double[] values = rawNumbers(c.name());
      DescriptiveStatistics ref = new DescriptiveStatistics(values);
      Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
      r7.setData(values);
      NumericSummary s = stats.feature(c.name()).orElseThrow().numeric();
      assertThat(s.mean()).as(c.name()).isCloseTo(ref.getMean(), within(1e-9));
      assertThat(s.std()).as(c.name()).isCloseTo(Math.sqrt(ref.getPopulationVariance()), within(1e-9));
      assertThat(s.min()).isEqualTo(ref.getMin());
      assertThat(s.max()).isEqualTo(ref.getMax());
      assertThat(s.zeros()).isEqualTo(Arrays.stream(values).filter(v -> v == 0).count());
      for (double q : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
        assertThat(quantile(s, q)).as("%s q=%s", c.name(), q)
            .isCloseTo(r7.evaluate(q * 100), within(1e-9));
      }
    }
  }

  @Test
  void stringCountsMatchTheRawLines() {
    Statistics stats = StatisticsCalculator.compute(table);
    assertThat(stats.feature("class").orElseThrow().strings().topValues())
        .containsExactly(new ValueCount("good", 700), new ValueCount("bad", 300));
    for (Column c : table.columns()) {
      if (!(c instanceof StringColumn)) {
        continue;
      }
      int index = header.indexOf(c.name());
      Map<String, Long> counts = new HashMap<>();
      raw.forEach(f -> counts.merge(f[index], 1L, Long::sum));
      List<ValueCount> expected =
          counts.entrySet().stream()
              .map(e -> new ValueCount(e.getKey(), e.getValue()))
              .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
              .toList();
      Statistics.Feature f = stats.feature(c.name()).orElseThrow();
      assertThat(f.missing()).isZero();
      assertThat(f.strings().distinct()).as(c.name()).isEqualTo(counts.size());
      assertThat(f.strings().topValues()).as(c.name()).isEqualTo(expected);
    }
  }

  @Test
  void inferredSchema() {
    Schema schema = SchemaInference.infer(table);
    assertThat(schema.feature("checking_status").orElseThrow())
        .isEqualTo(new Schema.Feature("checking_status", FeatureType.STRING, true,
            List.of("0<=X<200", "<0", ">=200", "no checking")));
    assertThat(schema.feature("age").orElseThrow())
        .isEqualTo(new Schema.Feature("age", FeatureType.INT, true, null));
    assertThat(schema.feature("purpose").orElseThrow().domain()).hasSize(10);
    assertThat(schema.feature("class").orElseThrow().domain()).containsExactly("bad", "good");
    assertThat(schema.features()).allSatisfy(f -> assertThat(f.required()).isTrue());
    assertThat(SchemaInference.infer(StatisticsCalculator.compute(table))).isEqualTo(schema);
  }

  @Test
  void splitStratifiedByClassKeepsProportionsAndMatchesTheReference() {
    // Add the row number so that the chosen rows can be compared with the Python reference:
    // `/usr/bin/python3 slipway-data/src/test/python/java_random_split.py` printed
    // "credit_g class 0.2 seed 42: 200 first [2, 9, 20, 22, 25, 27, 32, 45, 46, 52] sum 104192".
    double[] rowNumbers = new double[table.rowCount()];
    Arrays.setAll(rowNumbers, i -> i);
    List<Column> columns = new ArrayList<>(table.columns());
    columns.add(new NumericColumn("row", rowNumbers));
    Split split = Splitter.split(new Table(columns), 0.2, 42, "class");

    assertThat(split.train().rowCount()).isEqualTo(800);
    assertThat(split.eval().rowCount()).isEqualTo(200);
    assertThat(classCounts(split.train())).containsEntry("good", 560L).containsEntry("bad", 240L);
    assertThat(classCounts(split.eval())).containsEntry("good", 140L).containsEntry("bad", 60L);
    double[] evalRows = ((NumericColumn) split.eval().column("row")).values();
    assertThat(Arrays.copyOf(evalRows, 10)).containsExactly(2, 9, 20, 22, 25, 27, 32, 45, 46, 52);
    assertThat(Arrays.stream(evalRows).sum()).isEqualTo(104192);
  }

  private static Map<String, Long> classCounts(Table t) {
    return StatisticsCalculator.valueCounts(t.column("class"));
  }

  @Test
  void dataValidatesAgainstItsOwnSchemaAndServingDataWithoutTheLabel() {
    Schema schema = SchemaInference.infer(table);
    assertThat(SchemaValidator.validate(table, schema).items()).isEmpty();
    Table serving = table.without("class");
    assertThat(SchemaValidator.validate(serving, schema).items())
        .extracting(Anomaly::code).containsExactly("SCHEMA_MISSING_COLUMN");
    assertThat(SchemaValidator.validate(serving, schema, Set.of("class")).items()).isEmpty();
  }

  @Test
  void trainSchemaFlagsUnseenEvalValues() {
    // A schema inferred on the rows with purpose != 'retraining' must flag the 'retraining' rows.
    StringColumn purpose = (StringColumn) table.column("purpose");
    int[] rows = IntStream.range(0, table.rowCount())
        .filter(i -> !"retraining".equals(purpose.get(i))).toArray();
    long retraining = table.rowCount() - rows.length;
    Schema schema = SchemaInference.infer(table.take(rows));
    assertThat(SchemaValidator.validate(table, schema).items())
        .containsExactly(new Anomaly("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "purpose",
            "column 'purpose' has " + retraining + " rows with 1 value outside its domain of 9: 'retraining' ("
                + retraining + " rows)"));
  }

  @Test
  void canonicalCsvOfTheFileIsTheFileItself() throws IOException {
    // credit_g.csv has LF line ends, no quotes and integral numbers: already canonical.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(table, out);
    assertThat(out.toByteArray()).isEqualTo(Files.readAllBytes(file));
  }
}
