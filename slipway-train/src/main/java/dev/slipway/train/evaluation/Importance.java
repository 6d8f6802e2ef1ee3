package dev.slipway.train.evaluation;

/**
 * One feature's permutation importance: the drop in the score (ROC AUC for binary
 * classification, accuracy for more classes, R² for regression) when the feature's values are
 * shuffled, over several seeded shuffles.
 *
 * @param mean mean drop
 * @param std population standard deviation of the drops (as scikit-learn's {@code
 *     permutation_importance})
 */
public record Importance(double mean, double std) {}
