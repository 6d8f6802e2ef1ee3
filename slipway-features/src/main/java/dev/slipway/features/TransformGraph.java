package dev.slipway.features;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A fitted feature transform: one {@link Step} per input feature, in input order, each turning a
 * raw column into one or more model inputs.
 *
 * <ul>
 *   <li>A numeric column (a {@link NumericColumn} at fit time) gets its missing values replaced by
 *       the training mean or median, then, when {@link TransformOptions#standardize()} is on, is
 *       centred and scaled by the mean and population standard deviation of the <em>imputed</em>
 *       training column (what sklearn's {@code SimpleImputer} followed by {@code StandardScaler}
 *       does). A constant column is scaled by 1; an all-missing column is imputed with 0.
 *   <li>A categorical column (a {@link StringColumn} at fit time) is one-hot encoded over its
 *       training vocabulary, most frequent value first (ties by value), capped at {@link
 *       TransformOptions#maxCategories()}, plus one {@code <unseen>} bucket that receives missing
 *       values and values absent from the vocabulary.
 * </ul>
 *
 * <p>Everything is learnt from the table passed to {@link #fit}, which must be the training split
 * only. The graph is an immutable value, safe to share between threads; its persisted form is the
 * JSON of this record ({@link #toJson()}), versioned by {@link #formatVersion()}.
 *
 * @param formatVersion version of the persisted form; this code reads {@link #FORMAT_VERSION}
 * @param options the options the graph was fitted with
 * @param steps one step per input feature, in the order of the output columns
 */
public record TransformGraph(int formatVersion, TransformOptions options, List<Step> steps) {

  /** The persisted format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** Name suffix of the bucket that receives unseen and missing categorical values. */
  public static final String UNSEEN = "<unseen>";

  public TransformGraph {
    if (formatVersion != FORMAT_VERSION) {
      throw new InvalidInputException(
          "transform graph format version "
              + formatVersion
              + " is not supported; this Slipway reads version "
              + FORMAT_VERSION);
    }
    steps = List.copyOf(steps);
    Set<String> seen = new HashSet<>();
    for (Step step : steps) {
      for (String name : step.outputNames()) {
        if (!seen.add(name)) {
          throw new InvalidInputException(
              "transform output name '" + name + "' occurs twice; rename the input value or column");
        }
      }
    }
  }

  /** How one input column becomes model inputs. */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = NumericStep.class, name = "numeric"),
    @JsonSubTypes.Type(value = CategoricalStep.class, name = "categorical")
  })
  public sealed interface Step permits NumericStep, CategoricalStep {
    /** The input column this step reads. */
    String column();

    /** The names of the model inputs this step writes, in order. */
    List<String> outputNames();

    /** Writes this step's outputs for every row into {@code out}, starting at {@code offset}. */
    void write(Column input, double[] out, int stride, int offset);
  }

  /**
   * Impute, then standardise: {@code (isMissing(v) ? fill : v - center) / scale}.
   *
   * @param column input column
   * @param fill value that replaces a missing input
   * @param center subtracted after imputation (0 when not standardising)
   * @param scale divides after centring (1 when not standardising or when the column is constant)
   */
  public record NumericStep(String column, double fill, double center, double scale)
      implements Step {

    @Override
    public List<String> outputNames() {
      return List.of(column);
    }

    @Override
    public void write(Column input, double[] out, int stride, int offset) {
      if (!(input instanceof NumericColumn numbers)) {
        throw new InvalidInputException(
            "column '"
                + column
                + "' holds text, but the model was trained on numbers in it; send numbers"
                + " (first value: '"
                + input.text(0)
                + "')");
      }
      for (int r = 0; r < numbers.size(); r++) {
        double v = numbers.get(r);
        if (Double.isInfinite(v)) {
          throw new InvalidInputException(
              "column '" + column + "' has " + v + " at row " + r + "; expected a finite number");
        }
        out[r * stride + offset] = ((Double.isNaN(v) ? fill : v) - center) / scale;
      }
    }
  }

  /**
   * One-hot over a fixed vocabulary plus an unseen bucket.
   *
   * @param column input column
   * @param vocabulary the training values kept, most frequent first
   */
  public record CategoricalStep(String column, List<String> vocabulary) implements Step {

    public CategoricalStep {
      vocabulary = List.copyOf(vocabulary);
    }

    @Override
    public List<String> outputNames() {
      List<String> names = new ArrayList<>(vocabulary.size() + 1);
      for (String value : vocabulary) {
        names.add(column + "=" + value);
      }
      names.add(column + "=" + UNSEEN);
      return names;
    }

    @Override
    public void write(Column input, double[] out, int stride, int offset) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < vocabulary.size(); i++) {
        index.put(vocabulary.get(i), i);
      }
      int unseen = vocabulary.size();
      for (int r = 0; r < input.size(); r++) {
        // A categorical arriving as numbers (e.g. integer codes) is matched by its text form.
        String value = input.text(r);
        int slot = value == null ? unseen : index.getOrDefault(value, unseen);
        out[r * stride + offset + slot] = 1.0;
      }
    }
  }

  /**
   * Fits a graph on the training split.
   *
   * @param train the training rows only (never evaluation or test rows)
   * @param featureColumns the input features, in output order; the label must not be among them
   * @throws InvalidInputException when a column is absent or listed twice, the table is empty, or a
   *     numeric column holds an infinite value
   */
  public static TransformGraph fit(
      Table train, List<String> featureColumns, TransformOptions options) {
    if (featureColumns.isEmpty()) {
      throw new InvalidInputException("no feature columns to transform; name at least one");
    }
    if (train.rowCount() == 0) {
      throw new InvalidInputException("cannot fit a transform on an empty training table");
    }
    Set<String> seen = new HashSet<>();
    List<Step> steps = new ArrayList<>(featureColumns.size());
    for (String name : featureColumns) {
      if (!seen.add(name)) {
        throw new InvalidInputException("feature column '" + name + "' is listed twice");
      }
      Column column = train.column(name);
      steps.add(
          switch (column) {
            case NumericColumn numbers -> fitNumeric(numbers, options);
            case StringColumn strings -> fitCategorical(strings, options.maxCategories());
          });
    }
    return new TransformGraph(FORMAT_VERSION, options, steps);
  }

  private static NumericStep fitNumeric(NumericColumn column, TransformOptions options) {
    double[] present = Arrays.stream(column.values()).filter(v -> !Double.isNaN(v)).toArray();
    for (int r = 0; r < column.size(); r++) {
      if (Double.isInfinite(column.get(r))) {
        throw new InvalidInputException(
            "column '"
                + column.name()
                + "' has "
                + column.get(r)
                + " at row "
                + r
                + "; expected a finite number or an empty cell");
      }
    }
    double fill =
        present.length == 0
            ? 0.0
            : TransformOptions.MEDIAN.equals(options.numericImpute())
                ? median(present)
                : mean(present);
    if (!options.standardize()) {
      return new NumericStep(column.name(), fill, 0.0, 1.0);
    }
    double[] imputed = column.values().clone();
    for (int i = 0; i < imputed.length; i++) {
      if (Double.isNaN(imputed[i])) {
        imputed[i] = fill;
      }
    }
    double center = mean(imputed);
    double sumSquares = 0;
    for (double v : imputed) {
      sumSquares += (v - center) * (v - center);
    }
    double std = Math.sqrt(sumSquares / imputed.length);
    return new NumericStep(column.name(), fill, center, std == 0.0 ? 1.0 : std);
  }

  private static CategoricalStep fitCategorical(StringColumn column, int maxCategories) {
    Map<String, Integer> counts = new HashMap<>();
    for (String v : column.values()) {
      if (v != null) {
        counts.merge(v, 1, Integer::sum);
      }
    }
    List<String> vocabulary =
        counts.entrySet().stream()
            .sorted(
                Map.Entry.<String, Integer>comparingByValue()
                    .reversed()
                    .thenComparing(Map.Entry.comparingByKey()))
            .limit(maxCategories)
            .map(Map.Entry::getKey)
            .toList();
    return new CategoricalStep(column.name(), vocabulary);
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The median as numpy computes it: the mean of the two middle values for an even count. */
  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
  }

  /**
   * Transforms rows. Extra columns (the label, ids) are ignored.
   *
   * @throws InvalidInputException naming the column when an input column is absent, or a numeric
   *     feature arrives as text or holds an infinite value
   */
  public FeatureMatrix apply(Table rows) {
    List<String> names = outputNames();
    int stride = names.size();
    double[] out = new double[rows.rowCount() * stride];
    int offset = 0;
    for (Step step : steps) {
      Column input =
          rows.find(step.column())
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "input has no column '"
                              + step.column()
                              + "', which the model needs; the required columns are "
                              + String.join(", ", inputColumns())));
      if (rows.rowCount() > 0) {
        step.write(input, out, stride, offset);
      }
      offset += step.outputNames().size();
    }
    return new FeatureMatrix(names, rows.rowCount(), out);
  }

  /** The raw input columns this graph reads, in order. */
  public List<String> inputColumns() {
    return steps.stream().map(Step::column).toList();
  }

  /** The names of the output columns, in order, e.g. {@code age}, {@code purpose=radio/tv}. */
  public List<String> outputNames() {
    List<String> names = new ArrayList<>();
    for (Step step : steps) {
      names.addAll(step.outputNames());
    }
    return names;
  }

  /** The persisted form: canonical JSON (sorted keys), identical bytes for identical graphs. */
  public byte[] toJson() {
    return Json.bytes(this);
  }

  /**
   * Reads the persisted form.
   *
   * @throws InvalidInputException when the bytes are not a transform graph of a supported version
   */
  public static TransformGraph fromJson(byte[] json) {
    return Json.read(json, TransformGraph.class);
  }
}
