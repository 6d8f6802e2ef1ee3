package dev.slipway.data.drift;

import dev.slipway.core.Anomalies;
import java.util.List;

/**
 * The outcome of comparing a current dataset with a baseline.
 *
 * @param comparison drift or skew
 * @param baselineRows rows of the baseline
 * @param currentRows rows of the current dataset
 * @param pValueTests how many p-value tests were run (the Bonferroni divisor)
 * @param features one entry per compared feature, in schema order
 * @param anomalies what exceeded a threshold, one anomaly per feature and measure
 */
public record DriftReport(
    Comparison comparison,
    long baselineRows,
    long currentRows,
    int pValueTests,
    List<FeatureDrift> features,
    Anomalies anomalies) {

  public DriftReport {
    features = List.copyOf(features);
  }
}
