/**
 * Model analysis after TensorFlow Model Analysis: metrics checked against scikit-learn, sliced
 * metrics with Fairness-Indicators rates, feature importance, what-if predictions, validation
 * gates that bless or refuse a candidate model, and the JSON/HTML evaluation report.
 *
 * <ul>
 *   <li>{@link dev.slipway.train.evaluation.ModelEvaluator} is the entry point: a bundle, a labelled
 *       table and an {@link dev.slipway.train.evaluation.EvaluationConfig} give an {@link
 *       dev.slipway.train.evaluation.EvaluationResult}.
 *   <li>{@link dev.slipway.train.evaluation.ClassificationMetrics} and {@link
 *       dev.slipway.train.evaluation.RegressionMetrics} are the pure metric functions.
 *   <li>{@link dev.slipway.train.evaluation.ModelValidator} turns thresholds, a candidate and an
 *       optional baseline into a {@link dev.slipway.train.evaluation.Blessing}.
 *   <li>{@link dev.slipway.train.evaluation.HtmlReport} renders a self-contained report.
 * </ul>
 */
package dev.slipway.train.evaluation;
