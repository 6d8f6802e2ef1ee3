package dev.slipway.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.OutputFiles;
import dev.slipway.core.Predictions;
import dev.slipway.core.Predictor;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.features.TransformGraph;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Everything needed to serve a model: the raw input schema, the fitted transform, the trained model
 * and how it was made. A bundle is the {@link Predictor} the model server calls: it applies the
 * transform it was trained with, then the model, so training/serving skew cannot creep in.
 *
 * <p>Persisted form (format version {@value #FORMAT_VERSION}): a zip holding, in this order,
 * {@code bundle.json} (manifest: format_version, task, label, classes, positive_class, trainer,
 * signature), {@code schema.json}, {@code transform.json}, {@code model.bin} (the trainer's own
 * model format; for an imported ONNX model, trainer {@code onnx}, the ONNX file itself, see {@link
 * OnnxImport}) and {@code provenance.json}. Entries carry a fixed timestamp and JSON is canonical,
 * so the same bundle always writes the same bytes and its sha256 is a stable identity.
 *
 * <p>Immutable and safe to share between threads.
 */
public final class ModelBundle implements Predictor {

  /** The bundle format this code writes and reads. */
  public static final int FORMAT_VERSION = 1;

  static final String MANIFEST = "bundle.json";
  static final String SCHEMA = "schema.json";
  static final String TRANSFORM = "transform.json";
  static final String MODEL = "model.bin";
  static final String PROVENANCE = "provenance.json";
  private static final List<String> ENTRIES =
      List.of(MANIFEST, SCHEMA, TRANSFORM, MODEL, PROVENANCE);
  /** Within the DOS date range, so no extended-timestamp field depends on the clock or zone. */
  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private final Task task;
  private final String label;
  private final List<String> classes;
  private final String positiveClass;
  private final LabelTransform labelTransform;
  private final Schema inputSchema;
  private final TransformGraph transform;
  private final TrainedModel model;
  private final byte[] modelBytes;
  private final Provenance provenance;

  private ModelBundle(
      Task task,
      String label,
      List<String> classes,
      String positiveClass,
      LabelTransform labelTransform,
      Schema inputSchema,
      TransformGraph transform,
      TrainedModel model,
      byte[] modelBytes,
      Provenance provenance) {
    this.task = task;
    this.label = label;
    this.classes = List.copyOf(classes);
    this.positiveClass = positiveClass;
    this.labelTransform = labelTransform;
    this.inputSchema = inputSchema;
    this.transform = transform;
    this.model = model;
    this.modelBytes = modelBytes;
    this.provenance = provenance;
    validate();
  }

  /**
   * Assembles a bundle. The positive class is the last class (sklearn's convention for sorted
   * binary labels); change it with {@link #withPositiveClass}.
   *
   * @param task what the model predicts
   * @param label the label column name (not an input)
   * @param classes the class labels in probability-column order (classification); empty otherwise
   * @param inputSchema the raw input features, label excluded; must cover the transform's inputs
   * @throws InvalidInputException when the parts do not fit together
   */
  public static ModelBundle create(
      Task task,
      String label,
      List<String> classes,
      Schema inputSchema,
      TransformGraph transform,
      TrainedModel model,
      Provenance provenance) {
    String positive =
        task == Task.CLASSIFICATION && !classes.isEmpty() ? classes.getLast() : null;
    return new ModelBundle(
        task, label, classes, positive, null, inputSchema, transform, model, model.toBytes(),
        provenance);
  }

  /** The same bundle with another positive class (used by binary metrics). */
  public ModelBundle withPositiveClass(String positive) {
    return new ModelBundle(
        task, label, classes, positive, labelTransform, inputSchema, transform, model, modelBytes,
        provenance);
  }

  /**
   * The same bundle for a model trained on transformed labels: its predictions are mapped back
   * with {@link LabelTransform#inverse}.
   */
  public ModelBundle withLabelTransform(LabelTransform transformOfLabel) {
    return new ModelBundle(
        task, label, classes, positiveClass, transformOfLabel, inputSchema, transform, model,
        modelBytes, provenance);
  }

  private void validate() {
    if (task == Task.CLASSIFICATION) {
      if (classes.size() < 2) {
        throw new InvalidInputException(
            "a classification bundle needs at least 2 classes, got " + classes);
      }
      if (!classes.contains(positiveClass)) {
        throw new InvalidInputException(
            "positive class '" + positiveClass + "' is not one of the classes " + classes);
      }
      if (labelTransform != null) {
        throw new InvalidInputException(
            "label_transform '" + labelTransform.id() + "' applies to regression models only");
      }
    } else if (!classes.isEmpty()) {
      throw new InvalidInputException("a regression bundle has no classes, got " + classes);
    }
    if (inputSchema.feature(label).isPresent()) {
      throw new InvalidInputException(
          "the input schema contains the label column '" + label + "'; drop it from the inputs");
    }
    for (String column : transform.inputColumns()) {
      if (inputSchema.feature(column).isEmpty()) {
        throw new InvalidInputException(
            "the transform reads column '" + column + "', which the input schema lacks");
      }
    }
    if (!model.trainer().equals(provenance.trainer())) {
      throw new InvalidInputException(
          "the model comes from trainer '"
              + model.trainer()
              + "' but the provenance names '"
              + provenance.trainer()
              + "'");
    }
  }

  @Override
  public Task task() {
    return task;
  }

  public String label() {
    return label;
  }

  @Override
  public List<String> classes() {
    return classes;
  }

  /** The class binary metrics treat as positive; null for regression. */
  public String positiveClass() {
    return positiveClass;
  }

  /** The transform the labels were trained under; empty when the model predicts labels as they are. */
  public java.util.Optional<LabelTransform> labelTransform() {
    return java.util.Optional.ofNullable(labelTransform);
  }

  @Override
  public Schema inputSchema() {
    return inputSchema;
  }

  public TransformGraph transform() {
    return transform;
  }

  public TrainedModel model() {
    return model;
  }

  public Provenance provenance() {
    return provenance;
  }

  /** The inputs a request supplies, in schema order, with Open Inference Protocol datatypes. */
  public List<TensorSpec> signature() {
    return inputSchema.features().stream().map(f -> TensorSpec.of(f.name(), f.type())).toList();
  }

  /**
   * Transforms the rows and predicts. Classification: the label is the most probable class (ties
   * go to the earlier class).
   *
   * @throws InvalidInputException when an input column is absent or has the wrong kind of values
   */
  @Override
  public Predictions predict(Table rows) {
    FeatureMatrix x = transform.apply(rows);
    if (task == Task.REGRESSION) {
      double[] values = model.predictValues(x);
      if (labelTransform != null) {
        for (int r = 0; r < values.length; r++) {
          values[r] = labelTransform.inverse(values[r]);
        }
      }
      return new Predictions(null, null, values);
    }
    double[][] probabilities = model.predictProbabilities(x);
    List<String> labels = new ArrayList<>(probabilities.length);
    for (double[] row : probabilities) {
      int best = 0;
      for (int c = 1; c < row.length; c++) {
        if (row[c] > row[best]) {
          best = c;
        }
      }
      labels.add(classes.get(best));
    }
    return new Predictions(labels, probabilities, null);
  }

  /**
   * Writes the bundle as a zip; identical bundles give identical bytes. The stream is finished but
   * not closed.
   */
  public void write(OutputStream out) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    entries.put(MANIFEST, Json.bytes(manifest()));
    entries.put(SCHEMA, Json.bytes(inputSchema));
    entries.put(TRANSFORM, transform.toJson());
    entries.put(MODEL, modelBytes);
    entries.put(PROVENANCE, Json.bytes(provenance));
    ZipOutputStream zip = new ZipOutputStream(out);
    for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
      ZipEntry zipEntry = new ZipEntry(entry.getKey());
      zipEntry.setTimeLocal(ENTRY_TIME);
      zip.putNextEntry(zipEntry);
      zip.write(entry.getValue());
      zip.closeEntry();
    }
    zip.finish();
    zip.flush();
  }

  /** Writes the bundle to a file atomically ({@link OutputFiles}). */
  public void write(Path file) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode the model bundle", e);
    }
    OutputFiles.write(file, bytes.toByteArray(), "model bundle");
  }

  private BundleManifest manifest() {
    return new BundleManifest(
        FORMAT_VERSION, task, label, classes, positiveClass, model.trainer(), signature(),
        labelTransform);
  }

  /**
   * Reads a bundle file.
   *
   * @throws InvalidInputException when it is not a readable bundle of a supported version
   */
  public static ModelBundle read(Path file) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read model bundle " + file, e);
    }
  }

  /**
   * Reads a bundle from a stream (not closed).
   *
   * @throws InvalidInputException when an entry is missing, the format version is unknown, or an
   *     entry does not parse
   */
  public static ModelBundle read(InputStream in) throws IOException {
    Map<String, byte[]> entries = new HashMap<>();
    ZipInputStream zip = new ZipInputStream(in);
    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
      entries.put(entry.getName(), zip.readAllBytes());
    }
    for (String name : ENTRIES) {
      if (!entries.containsKey(name)) {
        throw new InvalidInputException(
            "not a complete Slipway model bundle: it has no '" + name + "' entry");
      }
    }
    JsonNode version = Json.MAPPER.readTree(entries.get(MANIFEST)).path("format_version");
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new InvalidInputException(
          "model bundle format_version "
              + version
              + " is not supported; this Slipway reads version "
              + FORMAT_VERSION);
    }
    BundleManifest manifest = Json.read(entries.get(MANIFEST), BundleManifest.class);
    byte[] modelBytes = entries.get(MODEL);
    TrainedModel model =
        OnnxModel.TRAINER.equals(manifest.trainer())
            ? OnnxModel.load(modelBytes)
            : Trainers.find(manifest.trainer()).load(modelBytes);
    return new ModelBundle(
        manifest.task(),
        manifest.label(),
        manifest.classes(),
        manifest.positiveClass(),
        manifest.labelTransform(),
        Json.read(entries.get(SCHEMA), Schema.class),
        TransformGraph.fromJson(entries.get(TRANSFORM)),
        model,
        modelBytes,
        Json.read(entries.get(PROVENANCE), Provenance.class));
  }
}
