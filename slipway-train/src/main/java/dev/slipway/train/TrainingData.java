package dev.slipway.train;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import java.util.List;

/** Checks on a raw training table made before a transform is applied and a model trained. */
public final class TrainingData {
  private TrainingData() {}

  /**
   * Refuses a feature column that is missing in every training row: imputation would turn it into
   * a constant and the model would silently learn nothing from it.
   *
   * @throws InvalidInputException naming the column and the row count
   */
  public static void checkFeaturesPresent(Table train, List<String> featureColumns) {
    for (String name : featureColumns) {
      Column column = train.column(name);
      boolean any = false;
      for (int r = 0; r < column.size() && !any; r++) {
        any = column.text(r) != null;
      }
      if (!any && column.size() > 0) {
        throw new InvalidInputException(
            "feature column '" + name + "' is missing in all " + column.size()
                + " training rows; drop it from the features or fill it in the data");
      }
    }
  }
}
