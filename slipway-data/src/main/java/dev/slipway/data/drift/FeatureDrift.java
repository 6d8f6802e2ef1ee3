package dev.slipway.data.drift;

import dev.slipway.data.drift.SignificanceTests.Result;
import java.util.List;

/**
 * How one feature's distribution moved between the baseline and the current dataset. Measures
 * that do not apply to the feature's kind are null.
 *
 * @param name the feature
 * @param kind how it was compared
 * @param bins both datasets' counts on shared bins (what the distances are computed from)
 * @param infinityNorm L-infinity distance of the shares (categorical)
 * @param jensenShannonDivergence approximate JS divergence in bits
 * @param psi population stability index
 * @param ks two-sample KS test on raw values (numbers, dates, text lengths), when raw values were
 *     given
 * @param chiSquared chi-squared homogeneity test on category counts
 * @param limits the thresholds in force
 * @param flagged the anomaly codes this feature raised, empty when it did not move
 */
public record FeatureDrift(
    String name,
    Kind kind,
    Binned bins,
    Double infinityNorm,
    Double jensenShannonDivergence,
    Double psi,
    Result ks,
    Result chiSquared,
    Limits limits,
    List<String> flagged) {

  public FeatureDrift {
    flagged = List.copyOf(flagged);
  }

  /** How a feature is compared. */
  public enum Kind {
    /** INT or FLOAT: histograms re-bucketed onto shared bins; KS on raw values. */
    NUMERIC,
    /** A string with a domain or at most 100 distinct values: shares per value; chi-squared. */
    CATEGORICAL,
    /** A free-text string whose values are ISO dates: compared as numbers of days since 1970. */
    DATE,
    /** Other free text (ids, bodies): compared by the distribution of value lengths. */
    TEXT_LENGTH,
    /** Free text without raw values to derive anything from: not compared. */
    NOT_COMPARED
  }
}
