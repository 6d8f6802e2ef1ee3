package dev.slipway.train;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Training targets: a class index per row (classification) or a value per row (regression).
 * Treat the arrays as read-only.
 *
 * @param task what is predicted
 * @param classes the class labels (classification; at least two); empty for regression
 * @param classIndex per row, an index into {@code classes}; null for regression
 * @param values per row, the target value; null for classification
 */
public record Labels(Task task, List<String> classes, int[] classIndex, double[] values) {

  /**
   * @throws InvalidInputException for classification with fewer than two classes or a class index
   *     out of range, or regression with a missing (NaN) or infinite value, naming the row
   */
  public Labels {
    classes = List.copyOf(classes);
    if (task == Task.CLASSIFICATION) {
      if (classes.size() < 2) {
        throw new InvalidInputException(
            "the label has " + classes.size() + " class(es) " + classes
                + "; classification needs at least 2");
      }
      for (int r = 0; r < classIndex.length; r++) {
        if (classIndex[r] < 0 || classIndex[r] >= classes.size()) {
          throw new InvalidInputException(
              "label at row " + r + " is class index " + classIndex[r] + "; expected 0 to "
                  + (classes.size() - 1));
        }
      }
    } else {
      for (int r = 0; r < values.length; r++) {
        if (!Double.isFinite(values[r])) {
          throw new InvalidInputException(
              "the label is " + values[r] + " at row " + r + "; every row needs a finite label");
        }
      }
    }
  }

  /** Number of rows. */
  public int size() {
    return task == Task.CLASSIFICATION ? classIndex.length : values.length;
  }

  /**
   * Checks that these labels fit the training matrix {@code x}.
   *
   * @throws InvalidInputException when the row counts differ or there are no rows
   */
  public void checkFits(dev.slipway.features.FeatureMatrix x) {
    if (x.rows() != size()) {
      throw new InvalidInputException(
          "the feature matrix has " + x.rows() + " rows but there are " + size() + " labels");
    }
    if (x.rows() == 0) {
      throw new InvalidInputException("cannot train on zero rows");
    }
  }

  /**
   * Classification labels over the given classes (their order fixes the probability columns).
   *
   * @throws InvalidInputException when fewer than two classes are given, or a row is missing its
   *     label or holds a label not among {@code classes}, naming the row
   */
  public static Labels classification(Column label, List<String> classes) {
    if (classes.size() < 2) {
      throw new InvalidInputException(
          "label column '"
              + label.name()
              + "' has "
              + classes.size()
              + " class(es) "
              + classes
              + "; classification needs at least 2");
    }
    Map<String, Integer> index = new HashMap<>();
    for (String c : classes) {
      if (index.put(c, index.size()) != null) {
        throw new InvalidInputException("class '" + c + "' is listed twice");
      }
    }
    int[] out = new int[label.size()];
    for (int r = 0; r < out.length; r++) {
      String value = label.text(r);
      if (value == null) {
        throw missing(label, r);
      }
      Integer i = index.get(value);
      if (i == null) {
        throw new InvalidInputException(
            "label column '"
                + label.name()
                + "' has '"
                + value
                + "' at row "
                + r
                + "; expected one of "
                + classes);
      }
      out[r] = i;
    }
    return new Labels(Task.CLASSIFICATION, classes, out, null);
  }

  /**
   * Classification labels whose classes are the sorted distinct values of the column.
   *
   * @throws InvalidInputException when a row is missing its label, or fewer than two classes occur
   */
  public static Labels classification(Column label) {
    TreeSet<String> distinct = new TreeSet<>();
    for (int r = 0; r < label.size(); r++) {
      String value = label.text(r);
      if (value == null) {
        throw missing(label, r);
      }
      distinct.add(value);
    }
    return classification(label, List.copyOf(distinct));
  }

  /**
   * Regression targets.
   *
   * @throws InvalidInputException when the column is not numeric or a row is missing or infinite
   */
  public static Labels regression(Column label) {
    if (!(label instanceof NumericColumn numbers)) {
      throw new InvalidInputException(
          "label column '" + label.name() + "' holds text; regression needs numbers");
    }
    double[] values = numbers.values().clone();
    for (int r = 0; r < values.length; r++) {
      if (!Double.isFinite(values[r])) {
        throw Double.isNaN(values[r])
            ? missing(label, r)
            : new InvalidInputException(
                "label column '" + label.name() + "' has " + values[r] + " at row " + r);
      }
    }
    return new Labels(Task.REGRESSION, List.of(), null, values);
  }

  private static InvalidInputException missing(Column label, int row) {
    return new InvalidInputException(
        "label column '" + label.name() + "' is missing at row " + row + "; every row needs a label");
  }
}
