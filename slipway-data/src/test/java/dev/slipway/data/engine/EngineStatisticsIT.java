package dev.slipway.data.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.Statistics;
import dev.slipway.core.Statistics.Bucket;
import dev.slipway.data.CsvReader;
import dev.slipway.data.StatisticsCalculator;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Engine statistics on real data: against numpy, and against the in-memory calculator. */
class EngineStatisticsIT {
  private static final Path CREDIT = Path.of("/work/shared/data/credit_g.csv");

  /**
   * Reference figures from Debian's numpy 1.24 (/usr/bin/python3):
   * x = credit_amount of credit_g.csv; x.mean(), x.std(), np.median(x),
   * np.quantile(x, [0.1, 0.25, 0.75, 0.9]), np.histogram(x, bins=10)[0]; purpose and class
   * counted with collections.Counter.
   */
  @Test
  void creditAmountMatchesNumpy() {
    assumeTrue(Files.exists(CREDIT), "skipped: " + CREDIT + " is absent (shared data not mounted)");
    Statistics stats;
    try (DataEngine engine = DataEngine.open(2)) {
      stats = engine.statistics(DataSource.of(CREDIT));
    }
    Statistics.NumericSummary amount = stats.feature("credit_amount").orElseThrow().numeric();
    assertThat(amount.mean()).isCloseTo(3271.258, within(1e-9));
    assertThat(amount.std()).isCloseTo(2821.3251545038192, within(1e-9));
    assertThat(amount.median()).isEqualTo(2319.5);
    assertThat(amount.quantiles()).filteredOn(q -> q.q() == 0.1).first()
        .satisfies(q -> assertThat(q.value()).isCloseTo(932.0, within(1e-9)));
    assertThat(amount.quantiles()).filteredOn(q -> q.q() == 0.25).first()
        .satisfies(q -> assertThat(q.value()).isCloseTo(1365.5, within(1e-9)));
    assertThat(amount.quantiles()).filteredOn(q -> q.q() == 0.75).first()
        .satisfies(q -> assertThat(q.value()).isCloseTo(3972.25, within(1e-9)));
    assertThat(amount.quantiles()).filteredOn(q -> q.q() == 0.9).first()
        .satisfies(q -> assertThat(q.value()).isCloseTo(7179.4, within(1e-6)));
    assertThat(amount.standardHistogram().buckets()).extracting(Bucket::count)
        .containsExactly(445.0, 293.0, 97.0, 80.0, 38.0, 19.0, 14.0, 8.0, 5.0, 1.0);
    Statistics.StringSummary purpose = stats.feature("purpose").orElseThrow().strings();
    assertThat(purpose.distinct()).isEqualTo(10);
    assertThat(purpose.topValues().subList(0, 3)).containsExactly(
        new Statistics.ValueCount("radio/tv", 280), new Statistics.ValueCount("new car", 234),
        new Statistics.ValueCount("furniture/equipment", 181));
    // class balance of the label = its top values
    assertThat(stats.feature("class").orElseThrow().strings().topValues()).containsExactly(
        new Statistics.ValueCount("good", 700), new Statistics.ValueCount("bad", 300));
  }

  @Test
  void engineAndInMemoryCalculatorAgreeOnEveryFeature() {
    assumeTrue(Files.exists(CREDIT), "skipped: " + CREDIT + " is absent (shared data not mounted)");
    Statistics memory = StatisticsCalculator.compute(CsvReader.read(CREDIT));
    Statistics engine;
    try (DataEngine e = DataEngine.open(2)) {
      engine = e.statistics(DataSource.of(CREDIT));
    }
    assertThat(engine.rows()).isEqualTo(memory.rows());
    for (Statistics.Feature m : memory.features()) {
      Statistics.Feature e = engine.feature(m.name()).orElseThrow();
      assertThat(e.type()).as(m.name()).isEqualTo(m.type());
      assertThat(e.count()).as(m.name()).isEqualTo(m.count());
      assertThat(e.missing()).as(m.name()).isEqualTo(m.missing());
      if (m.numeric() != null) {
        var a = e.numeric();
        var b = m.numeric();
        assertThat(a.mean()).as(m.name()).isCloseTo(b.mean(), within(1e-9 * Math.max(1, Math.abs(b.mean()))));
        assertThat(a.std()).as(m.name()).isCloseTo(b.std(), within(1e-9 * Math.max(1, b.std())));
        assertThat(a.min()).isEqualTo(b.min());
        assertThat(a.max()).isEqualTo(b.max());
        assertThat(a.median()).isCloseTo(b.median(), within(1e-9));
        assertThat(a.zeros()).isEqualTo(b.zeros());
        for (int i = 0; i < b.quantiles().size(); i++) {
          assertThat(a.quantiles().get(i).value()).as(m.name() + " q" + b.quantiles().get(i).q())
              .isCloseTo(b.quantiles().get(i).value(), within(1e-9 * Math.max(1, Math.abs(b.max()))));
        }
        assertThat(a.standardHistogram()).as(m.name()).isEqualTo(b.standardHistogram());
        assertThat(a.quantilesHistogram().buckets()).hasSameSizeAs(b.quantilesHistogram().buckets());
      } else {
        assertThat(e.strings().distinct()).isEqualTo(m.strings().distinct());
        assertThat(e.strings().rankHistogram()).as(m.name()).isEqualTo(m.strings().rankHistogram());
        assertThat(e.strings().avgLength()).isCloseTo(m.strings().avgLength(), within(1e-12));
      }
    }
  }
}
