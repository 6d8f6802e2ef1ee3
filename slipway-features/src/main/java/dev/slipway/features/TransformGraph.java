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
 * A fitted feature transform: a list of {@link Step}s (output groups), each turning one or more
 * raw columns into one or more model inputs. It is fitted either from {@link TransformOptions}
 * (format version 1, the default: one step per feature, as below) or from a declarative {@link
 * TransformSpec} (format version 2: one step per output group of the spec; see {@code
 * docs/transforms.md}).
 *
 * <p>With options:
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
 * only. Every step computes a row's outputs from that row alone, so a row gets bit-identical
 * values whether it is applied in a batch or alone (as at serving). The graph is an immutable
 * value, safe to share between threads; its persisted form is the JSON of this record ({@link
 * #toJson()}, deterministic: the same graph always gives the same bytes), versioned by {@link
 * #formatVersion()}.
 *
 * @param formatVersion version of the persisted form: {@link #FORMAT_VERSION} (fitted from
 *     options) or {@link #SPEC_FORMAT_VERSION} (fitted from a spec)
 * @param options the options a version-1 graph was fitted with; null in version 2
 * @param spec the spec a version-2 graph was fitted from; null in version 1
 * @param steps the output groups, in the order of the output columns
 */
public record TransformGraph(
    int formatVersion, TransformOptions options, TransformSpec spec, List<Step> steps) {

  /** The persisted format of a graph fitted from {@link TransformOptions}. */
  public static final int FORMAT_VERSION = 1;

  /** The persisted format of a graph fitted from a {@link TransformSpec}. */
  public static final int SPEC_FORMAT_VERSION = 2;

  /** Name suffix of the bucket that receives unseen and missing categorical values. */
  public static final String UNSEEN = "<unseen>";

  public TransformGraph {
    if (formatVersion != FORMAT_VERSION && formatVersion != SPEC_FORMAT_VERSION) {
      throw new InvalidInputException(
          "transform graph format version "
              + formatVersion
              + " is not supported; this Slipway reads versions "
              + FORMAT_VERSION
              + " and "
              + SPEC_FORMAT_VERSION);
    }
    boolean v1 = formatVersion == FORMAT_VERSION;
    if (v1 ? options == null || spec != null : options != null || spec == null) {
      throw new InvalidInputException(
          "a version-" + formatVersion + " transform graph needs " + (v1 ? "options" : "a spec")
              + " and nothing else");
    }
    steps = List.copyOf(steps);
    for (Step step : steps) {
      boolean v1Step = step instanceof NumericStep || step instanceof CategoricalStep;
      if (v1Step != v1) {
        throw new InvalidInputException(
            "a version-" + formatVersion + " transform graph cannot hold a step of kind "
                + step.getClass().getSimpleName());
      }
    }
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

  /** Version-1 graph: the same as {@code new TransformGraph(formatVersion, options, null, steps)}. */
  public TransformGraph(int formatVersion, TransformOptions options, List<Step> steps) {
    this(formatVersion, options, null, steps);
  }

  /**
   * One output group: how some input columns become a run of adjacent model inputs. Immutable
   * and thread-safe; each row's outputs depend on that row only.
   */
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
    @JsonSubTypes.Type(value = NumericStep.class, name = "numeric"),
    @JsonSubTypes.Type(value = CategoricalStep.class, name = "categorical"),
    @JsonSubTypes.Type(value = ScaleStep.class, name = "scale"),
    @JsonSubTypes.Type(value = BucketStep.class, name = "bucketize"),
    @JsonSubTypes.Type(value = CategoryStep.class, name = "category"),
    @JsonSubTypes.Type(value = TextStep.class, name = "text"),
    @JsonSubTypes.Type(value = DateStep.class, name = "date_parts"),
    @JsonSubTypes.Type(value = PixelStep.class, name = "pixels")
  })
  public sealed interface Step
      permits NumericStep,
          CategoricalStep,
          ScaleStep,
          BucketStep,
          CategoryStep,
          TextStep,
          DateStep,
          PixelStep {
    /** The input columns this step reads. */
    List<String> inputColumns();

    /** The names of the model inputs this step writes, in order. */
    List<String> outputNames();

    /**
     * Writes this step's outputs for every row of {@code rows} into the row-major {@code out},
     * at columns {@code offset ..} of rows of {@code stride} values.
     *
     * @throws InvalidInputException when an input column holds values of the wrong kind
     */
    void write(Table rows, double[] out, int stride, int offset);
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
    public List<String> inputColumns() {
      return List.of(column);
    }

    @Override
    public List<String> outputNames() {
      return List.of(column);
    }

    @Override
    public void write(Table rows, double[] out, int stride, int offset) {
      write(rows.column(column), out, stride, offset);
    }

    /** Writes the outputs of the given input column (see {@link Step#write}). */
    public void write(Column input, double[] out, int stride, int offset) {
      double[] numbers = ColumnPrep.numbers(input);
      for (int r = 0; r < numbers.length; r++) {
        double v = numbers[r];
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
    public List<String> inputColumns() {
      return List.of(column);
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
    public void write(Table rows, double[] out, int stride, int offset) {
      write(rows.column(column), out, stride, offset);
    }

    /** Writes the outputs of the given input column (see {@link Step#write}). */
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

  /**
   * Fits a graph from a declarative spec on the training split (format version 2).
   *
   * @param train the training rows only (never evaluation or test rows), without the label
   * @param spec the steps; the columns they name must be in {@code train}
   * @throws InvalidInputException naming the step number, op and column when a column is absent
   *     or of the wrong kind, has no training value where one is needed, or the output names clash
   */
  public static TransformGraph fit(Table train, TransformSpec spec) {
    if (train.rowCount() == 0) {
      throw new InvalidInputException("cannot fit a transform on an empty training table");
    }
    return new TransformGraph(SPEC_FORMAT_VERSION, null, spec, SpecFitter.fit(train, spec));
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
                ? Stats.median(present)
                : Stats.mean(present);
    if (!options.standardize()) {
      return new NumericStep(column.name(), fill, 0.0, 1.0);
    }
    double[] imputed = column.values().clone();
    for (int i = 0; i < imputed.length; i++) {
      if (Double.isNaN(imputed[i])) {
        imputed[i] = fill;
      }
    }
    double center = Stats.mean(imputed);
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

  /**
   * Transforms rows. Extra columns (the label, ids) are ignored.
   *
   * @throws InvalidInputException naming the column when an input column is absent, or a numeric
   *     feature arrives as text or holds an infinite value
   */
  public FeatureMatrix apply(Table rows) {
    List<String> names = outputNames();
    int stride = names.size();
    for (String column : inputColumns()) {
      if (rows.find(column).isEmpty()) {
        throw new InvalidInputException(
            "input has no column '"
                + column
                + "', which the model needs; the required columns are "
                + String.join(", ", inputColumns()));
      }
    }
    double[] out = new double[Math.multiplyExact(rows.rowCount(), stride)];
    int offset = 0;
    for (Step step : steps) {
      if (rows.rowCount() > 0) {
        step.write(rows, out, stride, offset);
      }
      offset += step.outputNames().size();
    }
    return new FeatureMatrix(names, rows.rowCount(), out);
  }

  /** The raw input columns this graph reads, in order. */
  public List<String> inputColumns() {
    return steps.stream().flatMap(s -> s.inputColumns().stream()).distinct().toList();
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
