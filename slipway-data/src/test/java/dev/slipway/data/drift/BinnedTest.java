package dev.slipway.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.Statistics.Bucket;
import dev.slipway.core.Statistics.Histogram;
import dev.slipway.core.Statistics.HistogramType;
import dev.slipway.core.Statistics.ValueCount;
import java.util.List;
import org.junit.jupiter.api.Test;

class BinnedTest {
  @Test
  void categoriesAreSharedByValueAndOtherValuesGetABin() {
    Binned b = Binned.categories(
        List.of(new ValueCount("a", 5), new ValueCount("b", 3)), 2,
        List.of(new ValueCount("b", 3), new ValueCount("c", 4)), 0);
    assertThat(b.labels()).containsExactly("a", "b", "c", "(other values)");
    assertThat(b.baseline()).containsExactly(5, 3, 0, 2);
    assertThat(b.current()).containsExactly(0, 3, 4, 0);
  }

  /**
   * p = [.5, .3, .2, 0], q = [.1, .3, .4, .2]; scipy 1.10: {@code
   * jensenshannon(p, q, base=2)**2} = 0.22950452328914683 (scipy returns the square root).
   */
  @Test
  void jensenShannonDivergenceIsScipysDistanceSquared() {
    Binned b = new Binned(List.of("w", "x", "y", "z"), new double[] {5, 3, 2, 0}, new double[] {1, 3, 4, 2});
    assertThat(b.jensenShannonDivergence()).isCloseTo(0.22950452328914683, within(1e-12));
    assertThat(b.infinityNorm()).isCloseTo(0.4, within(1e-12));
    // PSI from first principles, 0 floored at 1e-4: Σ (p − q) ln(p / q).
    double psi = 0.4 * Math.log(5) + 0 + -0.2 * Math.log(0.5) + (1e-4 - 0.2) * Math.log(1e-4 / 0.2);
    assertThat(b.psi()).isCloseTo(psi, within(1e-12));
  }

  @Test
  void disjointDistributionsHaveDivergenceOne() {
    Binned b = new Binned(List.of("x", "y"), new double[] {4, 0}, new double[] {0, 9});
    assertThat(b.jensenShannonDivergence()).isEqualTo(1.0);
    assertThat(b.infinityNorm()).isEqualTo(1.0);
  }

  /**
   * TFDV's re-bucketing: [0, 2) with 4 values and [2, 4) with 2, against [1, 3) with 6 values
   * and a point mass at 5. Shared edges 0, 1, 2, 3, 4; uniform spreading by hand.
   */
  @Test
  void histogramsAreRebucketedOntoTheUnionOfBoundaries() {
    Histogram a = new Histogram(HistogramType.STANDARD, List.of(new Bucket(0, 2, 4), new Bucket(2, 4, 2)));
    Histogram b = new Histogram(HistogramType.STANDARD, List.of(new Bucket(1, 3, 6), new Bucket(5, 5, 1)));
    Binned bins = Binned.histograms(a, 1, b, 0);
    assertThat(bins.labels()).containsExactly("[0.000, 1.000)", "[1.000, 2.000)", "[2.000, 3.000)",
        "[3.000, 4.000)", "=5.000", "NaN");
    assertThat(bins.baseline()).containsExactly(2, 2, 1, 1, 0, 1);
    assertThat(bins.current()).containsExactly(0, 3, 3, 0, 1, 0);
  }
}
