package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.NumericSummary;
import dev.slipway.core.Statistics.Quantile;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticsCalculatorTest {

  private static Statistics.Feature stats(double... values) {
    return StatisticsCalculator.compute(new Table(List.of(new NumericColumn("x", values))))
        .features()
        .get(0);
  }

  private static double quantile(NumericSummary s, double q) {
    return s.quantiles().stream().filter(x -> x.q() == q).findFirst().orElseThrow().value();
  }

  @Test
  void reportsTheDocumentedQuantileProbabilities() {
    assertThat(stats(1, 2).numeric().quantiles().stream().map(Quantile::q))
        .containsExactly(0.0, 0.1, 0.2, 0.25, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.9, 1.0);
  }

  @Test
  void smallSampleByHand() {
    // 1..4: mean 2.5; population variance (2.25+0.25+0.25+2.25)/4 = 1.25; type-7 quantile at q
    // is x[floor(h)] + frac(h) * (next - x[floor(h)]) with h = 3q (0-based).
    Statistics.Feature f = stats(4, 1, 3, 2);
    NumericSummary s = f.numeric();
    assertThat(f.type()).isEqualTo(FeatureType.INT);
    assertThat(f.count()).isEqualTo(4);
    assertThat(f.missing()).isZero();
    assertThat(s.mean()).isEqualTo(2.5);
    assertThat(s.std()).isCloseTo(Math.sqrt(1.25), within(1e-15));
    assertThat(s.min()).isEqualTo(1);
    assertThat(s.max()).isEqualTo(4);
    assertThat(s.zeros()).isZero();
    assertThat(quantile(s, 0.1)).isCloseTo(1.3, within(1e-12));
    assertThat(quantile(s, 0.25)).isCloseTo(1.75, within(1e-12));
    assertThat(quantile(s, 0.5)).isEqualTo(2.5);
    assertThat(quantile(s, 0.75)).isCloseTo(3.25, within(1e-12));
    assertThat(quantile(s, 0.9)).isCloseTo(3.7, within(1e-12));
    assertThat(quantile(s, 0.0)).isEqualTo(1);
    assertThat(quantile(s, 1.0)).isEqualTo(4);
  }

  @Test
  void quantileAtAnExactRankIsThatValueDespiteRoundingOfTheRank() {
    // (11 - 1) * 0.3 is 3.0000000000000004 in doubles; numpy gives exactly 3.0 for arange(11).
    NumericSummary s = stats(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10).numeric();
    assertThat(quantile(s, 0.3)).isEqualTo(3.0);
    assertThat(quantile(s, 0.7)).isEqualTo(7.0);
  }

  @Test
  void missingValuesAreCountedAndIgnored() {
    Statistics.Feature f = stats(Double.NaN, 2, Double.NaN, 4.5);
    assertThat(f.count()).isEqualTo(2);
    assertThat(f.missing()).isEqualTo(2);
    assertThat(f.type()).isEqualTo(FeatureType.FLOAT);
    assertThat(f.numeric().mean()).isEqualTo(3.25);
    assertThat(f.numeric().min()).isEqualTo(2);
  }

  @Test
  void columnWithoutValuesHasNoNumericSummary() {
    Statistics.Feature f = stats(Double.NaN, Double.NaN);
    assertThat(f.count()).isZero();
    assertThat(f.missing()).isEqualTo(2);
    assertThat(f.numeric()).isNull();
    assertThat(f.strings()).isNull();
  }

  @Test
  void singleValueHasZeroSpread() {
    NumericSummary s = stats(7.25).numeric();
    assertThat(s.std()).isZero();
    assertThat(s.quantiles()).allSatisfy(q -> assertThat(q.value()).isEqualTo(7.25));
  }

  @Test
  void zerosIncludeNegativeZero() {
    assertThat(stats(0, -0.0, 1, Double.NaN).numeric().zeros()).isEqualTo(2);
  }

  @Test
  void varianceStaysAccurateFarFromZero() {
    // Deviations 4, 7, 13, 16 from 1e9: mean 1e9 + 10, population variance 90 / 4 = 22.5.
    NumericSummary s = stats(1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16).numeric();
    assertThat(s.mean()).isEqualTo(1e9 + 10);
    assertThat(s.std()).isCloseTo(Math.sqrt(22.5), within(1e-9));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 10, 101, 1000, 4097})
  void agreesWithCommonsMath(int n) {
    Random random = new Random(n);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = random.nextGaussian() * 100 + (i % 7 == 0 ? 1e4 : 0);
    }
    NumericSummary s = stats(values).numeric();
    DescriptiveStatistics reference = new DescriptiveStatistics(values);
    Percentile r7 = new Percentile().withEstimationType(EstimationType.R_7);
    r7.setData(values);
    assertThat(s.mean()).isCloseTo(reference.getMean(), within(1e-9));
    assertThat(s.std()).isCloseTo(Math.sqrt(reference.getPopulationVariance()), within(1e-9));
    assertThat(s.min()).isEqualTo(reference.getMin());
    assertThat(s.max()).isEqualTo(reference.getMax());
    for (Quantile q : s.quantiles()) {
      double expected = q.q() == 0 ? reference.getMin() : r7.evaluate(q.q() * 100);
      assertThat(q.value()).as("q=%s", q.q()).isCloseTo(expected, within(1e-9));
    }
  }

  @Test
  void stringTopValuesByCountThenValue() {
    Table t =
        new Table(
            List.of(new StringColumn("s", new String[] {"b", "a", null, "c", "a", "b", "d", null})));
    Statistics.Feature f = StatisticsCalculator.compute(t).features().get(0);
    assertThat(f.type()).isEqualTo(FeatureType.STRING);
    assertThat(f.count()).isEqualTo(6);
    assertThat(f.missing()).isEqualTo(2);
    assertThat(f.numeric()).isNull();
    assertThat(f.strings().distinct()).isEqualTo(4);
    assertThat(f.strings().topValues())
        .containsExactly(
            new ValueCount("a", 2), new ValueCount("b", 2), new ValueCount("c", 1), new ValueCount("d", 1));
  }

  @Test
  void topValuesStopAtTwenty() {
    String[] values = new String[300];
    for (int i = 0; i < values.length; i++) {
      values[i] = "v" + (char) ('A' + i % 25); // 25 distinct values, 12 rows each
    }
    Statistics.Feature f =
        StatisticsCalculator.compute(new Table(List.of(new StringColumn("s", values)))).features().get(0);
    assertThat(f.strings().distinct()).isEqualTo(25);
    assertThat(f.strings().topValues()).hasSize(20);
    assertThat(f.strings().topValues().get(0)).isEqualTo(new ValueCount("vA", 12));
    assertThat(f.strings().topValues().get(19).value()).isEqualTo("vT");
  }

  @Test
  void rowCountAndColumnOrder() {
    Table t =
        new Table(
            List.of(
                new StringColumn("z", new String[] {"x", "y"}),
                new NumericColumn("a", new double[] {1, 2})));
    Statistics stats = StatisticsCalculator.compute(t);
    assertThat(stats.rows()).isEqualTo(2);
    assertThat(stats.features()).extracting(Statistics.Feature::name).containsExactly("z", "a");
  }
}
