package dev.slipway.train.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The data behind the report's charts. Classification has a confusion matrix; binary
 * classification also has the curves and the metrics-at-thresholds table; regression has none of
 * these (all null).
 *
 * @param roc ROC curve (x = false positive rate, y = true positive rate)
 * @param precisionRecall precision-recall curve (x = recall, y = precision)
 * @param calibration calibration curve over 10 equal bins (x = mean score, y = fraction positive)
 * @param confusionMatrix rows = true class, columns = predicted class, in class order
 * @param atThresholds confusion counts and rates at each configured decision threshold
 */
public record Plots(
    Curve roc,
    @JsonProperty("precision_recall") Curve precisionRecall,
    Curve calibration,
    @JsonProperty("confusion_matrix") long[][] confusionMatrix,
    @JsonProperty("at_thresholds") List<ConfusionCounts> atThresholds) {}
