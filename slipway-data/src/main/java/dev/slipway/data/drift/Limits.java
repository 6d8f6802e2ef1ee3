package dev.slipway.data.drift;

import dev.slipway.core.Schema;

/**
 * The thresholds in force for one feature: the schema's where it sets them, else the defaults.
 *
 * <p>TFDV has no default thresholds (research notes B.4: the user sets them per feature), so the
 * defaults are Evidently's ({@code stattests/registry.py}, research notes F.1): 0.1 for distance
 * measures (it applies that to Jensen–Shannon, PSI and its other distances) and 0.05 for p-value
 * tests, with alibi-detect's Bonferroni correction over the features tested. Evidently applies
 * 0.1 to the JS <em>distance</em> in natural log; here it bounds TFDV's log2 JS
 * <em>divergence</em> (the square of the log2 distance), which is less sensitive — set {@code
 * jensen_shannon_divergence} in the schema to tighten it.
 *
 * @param infinityNorm flag categorical L-infinity above this
 * @param jensenShannonDivergence flag JS divergence above this
 * @param psi flag PSI above this
 * @param pValue flag KS / chi-squared p-values below this divided by the number of tests
 */
public record Limits(double infinityNorm, double jensenShannonDivergence, double psi, double pValue) {
  /** Evidently's default for distance measures. */
  public static final double DEFAULT_DISTANCE = 0.1;

  /** Evidently's and alibi-detect's default significance level. */
  public static final double DEFAULT_P_VALUE = 0.05;

  /** The defaults when the schema sets nothing. */
  public static final Limits DEFAULTS =
      new Limits(DEFAULT_DISTANCE, DEFAULT_DISTANCE, DEFAULT_DISTANCE, DEFAULT_P_VALUE);

  /** The schema's thresholds, each absent one replaced by its default. */
  public static Limits of(Schema.Thresholds t) {
    if (t == null) {
      return DEFAULTS;
    }
    return new Limits(
        t.infinityNorm() == null ? DEFAULTS.infinityNorm : t.infinityNorm(),
        t.jensenShannonDivergence() == null ? DEFAULTS.jensenShannonDivergence : t.jensenShannonDivergence(),
        t.psi() == null ? DEFAULTS.psi : t.psi(),
        t.pValue() == null ? DEFAULTS.pValue : t.pValue());
  }
}
