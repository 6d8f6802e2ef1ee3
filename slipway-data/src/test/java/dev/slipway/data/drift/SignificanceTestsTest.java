package dev.slipway.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.data.drift.SignificanceTests.Result;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * References from Debian's /usr/bin/python3 (numpy 1.24, scipy 1.10):
 *
 * <pre>
 * x=[1,2,2,3.5,4,7,8,9.5]; y=[2,3,5,6,6,10,11]
 * d=stats.ks_2samp(x,y).statistic; special.kolmogorov(d*np.sqrt(8*7/15))
 * stats.chi2_contingency(np.array([[30,50,20],[45,40,15]]), correction=False)
 * </pre>
 */
class SignificanceTestsTest {
  @Test
  void ksStatisticWithTiesAndAsymptoticPValueMatchScipy() {
    Result r = SignificanceTests.kolmogorovSmirnov(
        new double[] {1, 2, 2, 3.5, 4, 7, 8, 9.5, Double.NaN}, new double[] {2, 3, 5, 6, 6, 10, 11});
    assertThat(r.statistic()).isCloseTo(0.3392857142857143, within(1e-15));
    assertThat(r.pValue()).isCloseTo(0.7833473848051558, within(1e-9));
  }

  @Test
  void identicalSamplesHaveNoGap() {
    Result r = SignificanceTests.kolmogorovSmirnov(new double[] {1, 2, 3}, new double[] {3, 2, 1});
    assertThat(r.statistic()).isZero();
    assertThat(r.pValue()).isEqualTo(1.0);
  }

  @Test
  void chiSquaredMatchesScipyWithoutYates() {
    Result r = SignificanceTests.chiSquared(new double[] {30, 50, 20, 0}, new double[] {45, 40, 15, 0});
    assertThat(r.statistic()).isCloseTo(4.825396825396825, within(1e-12));
    assertThat(r.pValue()).isCloseTo(0.08957326253887996, within(1e-12));
  }

  @Test
  void tinyPValuesAreNotRoundedToZero() {
    // Seattle weather summer vs winter (see DriftRealDataIT): scipy gives 4.3091354663158804e-33.
    Result r = SignificanceTests.chiSquared(
        new double[] {251, 82, 18, 17, 0}, new double[] {87, 212, 16, 28, 18});
    assertThat(r.statistic()).isCloseTo(157.81082877539654, within(1e-9));
    assertThat(r.pValue()).isCloseTo(4.3091354663158804e-33, Percentage.withPercentage(1e-6));
  }

  @Test
  void oneCategoryIsNothingToTest() {
    assertThat(SignificanceTests.chiSquared(new double[] {5, 0}, new double[] {7, 0})).isNull();
  }
}
