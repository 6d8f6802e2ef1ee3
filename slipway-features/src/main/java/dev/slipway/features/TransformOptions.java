package dev.slipway.features;

import dev.slipway.core.InvalidInputException;

/**
 * How a {@link TransformGraph} is fitted.
 *
 * @param numericImpute statistic that replaces missing numeric values: {@code mean} or {@code median}
 *     of the training values
 * @param standardize when true, numeric features are centred on the training mean and divided by
 *     the training standard deviation (population, divisor n; a constant column is divided by 1)
 * @param maxCategories the most frequent training values kept per categorical feature; rarer values
 *     fall into the feature's unseen bucket. At least 1
 */
public record TransformOptions(String numericImpute, boolean standardize, int maxCategories) {

  /** The imputation statistics {@link #numericImpute} accepts. */
  public static final String MEAN = "mean";

  public static final String MEDIAN = "median";

  /**
   * Validates the options.
   *
   * @throws InvalidInputException naming the parameter, its value and what is allowed
   */
  public TransformOptions {
    if (!MEAN.equals(numericImpute) && !MEDIAN.equals(numericImpute)) {
      throw new InvalidInputException(
          "transform parameter 'numeric_impute' is '"
              + numericImpute
              + "'; expected "
              + MEAN
              + " or "
              + MEDIAN);
    }
    if (maxCategories < 1) {
      throw new InvalidInputException(
          "transform parameter 'max_categories' is "
              + maxCategories
              + "; expected an integer >= 1");
    }
  }

  /** Mean imputation, standardisation on, at most 50 categories per feature. */
  public static TransformOptions defaults() {
    return new TransformOptions(MEAN, true, 50);
  }
}
