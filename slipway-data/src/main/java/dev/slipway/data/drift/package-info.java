/**
 * Distribution comparisons between two datasets: drift (span N vs span N-1) and skew (training vs
 * serving) per feature ({@link dev.slipway.data.drift.DriftDetector}), with TFDV's comparators
 * (L-infinity on categorical frequencies, approximate Jensen–Shannon divergence on histograms
 * re-bucketed onto shared bins), PSI, and the small-sample tests Evidently and alibi-detect use
 * (two-sample Kolmogorov–Smirnov, chi-squared); and sampling with a similarity report
 * ({@link dev.slipway.data.drift.Sampler}).
 *
 * <p>Everything here is a pure function of its inputs (the sampler of its seed too) and
 * thread-safe. Anomaly codes are TFDV's where TFDV has one, else Slipway's own, listed in
 * {@link dev.slipway.data.drift.DriftDetector}.
 */
package dev.slipway.data.drift;
