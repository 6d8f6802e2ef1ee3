package dev.slipway.data.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.Statistics;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The selection path for large relations must give the quantiles DuckDB's sorting {@code
 * quantile_cont} gives (the path small relations take), and leave every other figure unchanged.
 */
class QuantileSelectionTest {
  private static final Path CREDIT = Path.of("/work/shared/data/credit_g.csv");
  private DataEngine engine;

  @BeforeEach
  void open() {
    engine = DataEngine.open(2);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void selectionEqualsSortOnCreditG() {
    assumeTrue(Files.exists(CREDIT), "skipped: " + CREDIT + " is absent (shared data not mounted)");
    String rel = engine.unorderedRelation(DataSource.of(CREDIT));
    assertSameStatistics(rel);
  }

  @Test
  void selectionEqualsSortOnTiesOutliersNanInfinityAndConstants() {
    engine.execute("""
        CREATE TEMP TABLE g AS SELECT
          (hash(i) % 1000)::BIGINT - 300 AS ties,
          CASE WHEN i = 7 THEN 1e12 ELSE (hash(i) % 100000) / 1000.0 END AS outlier,
          CASE WHEN i % 1000 = 0 THEN 'nan'::DOUBLE WHEN i % 1001 = 0 THEN '-inf'::DOUBLE
               WHEN i % 50 = 0 THEN NULL ELSE sin(i) * 1e-3 END AS messy,
          5 AS constant,
          CASE WHEN i < 3 THEN i * 0.5 END AS three,
          CASE WHEN i < 2 THEN 1.0 ELSE 1.0 + 1e-15 * (i % 2) END AS close_values,
          NULL::DOUBLE AS empty
        FROM range(120000) t(i)""");
    assertSameStatistics("g");
  }

  private void assertSameStatistics(String rel) {
    Statistics sorted = new SqlStatistics(engine, Long.MAX_VALUE).compute(rel);
    Statistics selected = new SqlStatistics(engine, 0).compute(rel);
    assertThat(selected.rows()).isEqualTo(sorted.rows());
    for (Statistics.Feature s : sorted.features()) {
      Statistics.Feature x = selected.feature(s.name()).orElseThrow();
      if (s.numeric() == null) {
        assertThat(x).as(s.name()).isEqualTo(s);
        continue;
      }
      assertThat(x.numeric().quantiles()).as(s.name()).hasSameSizeAs(s.numeric().quantiles());
      double scale = Math.max(1, Math.abs(s.numeric().max()) + Math.abs(s.numeric().min()));
      for (int i = 0; i < s.numeric().quantiles().size(); i++) {
        assertThat(x.numeric().quantiles().get(i).value())
            .as(s.name() + " q" + s.numeric().quantiles().get(i).q())
            .isCloseTo(s.numeric().quantiles().get(i).value(), within(1e-12 * scale));
      }
      assertThat(x.numeric().quantileError()).isZero();
      assertThat(x.numeric().median()).isCloseTo(s.numeric().median(), within(1e-12 * scale));
      assertThat(x.numeric().standardHistogram()).as(s.name()).isEqualTo(s.numeric().standardHistogram());
      assertThat(x.numeric().mean()).as(s.name()).isEqualTo(s.numeric().mean());
      assertThat(x.count()).isEqualTo(s.count());
      assertThat(x.numeric().nan()).isEqualTo(s.numeric().nan());
      assertThat(x.numeric().infinite()).isEqualTo(s.numeric().infinite());
    }
  }
}
