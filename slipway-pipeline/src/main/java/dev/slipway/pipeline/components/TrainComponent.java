package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.features.TransformGraph;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import dev.slipway.train.EvalSet;
import dev.slipway.train.LabelTransform;
import dev.slipway.train.Labels;
import dev.slipway.train.ModelBundle;
import dev.slipway.train.Provenance;
import dev.slipway.train.TrainedModel;
import dev.slipway.train.Trainer;
import dev.slipway.train.Trainers;
import dev.slipway.train.TrainingData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Trains a model on the transformed training split and writes a model bundle (transform + model
 * + schema + signature + provenance). Parameters: {@code label}, {@code trainer} (xgboost |
 * lightgbm | logistic_regression | linear_regression | cart | any Trainer on the class path),
 * {@code task} (classification | regression), {@code seed} (42), {@code hyperparameters} (a map
 * passed to the trainer), {@code positive_class} (the class that precision, recall, F1 and PR AUC
 * are about; default the last class in sorted order), {@code label_transform} (regression: {@code
 * log} or {@code log1p}; the model learns the transformed target and its bundle maps predictions
 * back, so evaluation and serving see the label's own scale).
 *
 * <p>An optional {@code eval} input (a held-out split) is what {@code early_stopping_rounds}
 * watches; the best iteration goes into the bundle's provenance.
 */
public final class TrainComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec(
          "train", "2", Set.of("dataset", "transform", "schema"), Map.of("model", ArtifactTypes.MODEL),
          Set.of("eval"));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String label = context.requiredString("label");
    Task task = task(context);
    long seed = context.integer("seed", SplitComponent.DEFAULT_SEED);
    Trainer trainer = Trainers.find(context.string("trainer", "xgboost"));
    Map<String, Object> hyperparameters = hyperparameters(context);

    Table train = Tables.read(context, "dataset");
    Schema schema = Json.read(context.bytes("schema"), Schema.class);
    TransformGraph transform = TransformGraph.fromJson(context.bytes("transform"));
    TrainingData.checkFeaturesPresent(train, transform.inputColumns());
    FeatureMatrix x = transform.apply(train);
    LabelTransform labelTransform = labelTransform(context, task);
    Labels y =
        task == Task.CLASSIFICATION
            ? Labels.classification(train.column(label))
            : transformed(Labels.regression(train.column(label)), labelTransform, label);
    EvalSet eval = null;
    if (context.inputs().containsKey("eval")) {
      Table held = Tables.read(context, "eval");
      eval = new EvalSet(
          transform.apply(held),
          task == Task.CLASSIFICATION
              ? Labels.classification(held.column(label), y.classes())
              : transformed(Labels.regression(held.column(label)), labelTransform, label));
    }
    context.progress().accept("training " + trainer.name() + " on " + x.rows() + " × " + x.cols());
    TrainedModel model = trainer.train(x, y, eval, hyperparameters, seed);
    String best = model.trainingSummary().get("best_iteration");
    if (best != null) {
      context.progress().accept("early stopping kept iteration " + best + " (0-based)");
    }

    Map<String, String> digests = new TreeMap<>();
    context.inputs().forEach((port, in) -> digests.put(port, in.artifact().digest()));
    Provenance provenance = Provenance.of(trainer, hyperparameters, seed, digests, model);
    ModelBundle bundle =
        ModelBundle.create(task, label, y.classes(), schema.without(label), transform, model, provenance);
    String positive = context.string("positive_class", null);
    if (positive != null) {
      if (task != Task.CLASSIFICATION || !y.classes().contains(positive)) {
        throw new InvalidInputException(
            "step '" + context.step() + "' parameter 'positive_class' is '" + positive + "'; "
                + (task == Task.CLASSIFICATION ? "the classes are " + y.classes() : "a regression has no classes"));
      }
      bundle = bundle.withPositiveClass(positive);
    }
    if (labelTransform != null) {
      bundle = bundle.withLabelTransform(labelTransform);
    }

    Path file = context.newOutputFile(".zip");
    try (OutputStream out = Files.newOutputStream(file)) {
      bundle.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    Map<String, String> props = new LinkedHashMap<>();
    props.put("task", task.name().toLowerCase(java.util.Locale.ROOT));
    props.put("param.trainer", trainer.name());
    props.put("param.seed", Long.toString(seed));
    provenance.parameters().forEach((k, v) -> props.put("param." + k, v));
    provenance.training().forEach((k, v) -> props.put("training." + k, v));
    if (labelTransform != null) {
      props.put("label_transform", labelTransform.id());
    }
    return Map.of("model", new StepOutput(file, props));
  }

  /** The step's {@code label_transform}, or null; refused for classification. */
  private static LabelTransform labelTransform(StepContext context, Task task) {
    String name = context.string("label_transform", null);
    if (name == null) {
      return null;
    }
    if (task != Task.REGRESSION) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'label_transform' is '" + name
              + "'; it applies to regression, and this step's task is classification");
    }
    try {
      return LabelTransform.parse(name);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'label_transform' is '" + name
              + "'; expected one of " + LabelTransform.known(), e);
    }
  }

  private static Labels transformed(Labels y, LabelTransform transform, String column) {
    return transform == null ? y : transform.apply(y, column);
  }

  private static Task task(StepContext context) {
    String task = context.string("task", "classification");
    return switch (task) {
      case "classification" -> Task.CLASSIFICATION;
      case "regression" -> Task.REGRESSION;
      default ->
          throw new InvalidInputException(
              "step '" + context.step() + "' parameter 'task' is '" + task
                  + "'; expected classification or regression");
    };
  }

  private static Map<String, Object> hyperparameters(StepContext context) {
    Object raw = context.params().get("hyperparameters");
    if (raw == null) {
      return Map.of();
    }
    if (!(raw instanceof Map<?, ?> map)) {
      throw new InvalidInputException(
          "step '" + context.step() + "' parameter 'hyperparameters' must be a map, e.g. {max_depth: 4}");
    }
    Map<String, Object> out = new TreeMap<>();
    map.forEach((k, v) -> out.put(String.valueOf(k), v));
    return out;
  }
}
