package dev.slipway.train.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.train.ClassWeights;
import dev.slipway.train.EvalSet;
import dev.slipway.train.Labels;
import dev.slipway.train.ParameterSpec;
import dev.slipway.train.TrainedModel;
import dev.slipway.train.Trainer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A multilayer perceptron (fully connected ReLU layers) trained with Adam on DJL's PyTorch
 * engine, on the CPU: softmax cross-entropy for classification, squared error on the
 * standardised target for regression.
 *
 * <p>Parameters: {@code hidden_units} 128, {@code hidden_layers} 1, {@code epochs} 10, {@code
 * batch_size} 64, {@code learning_rate} 0.001, {@code weight_decay} 0 (L2, in Adam's update),
 * {@code nthread} 1 (PyTorch intra-op threads), {@code early_stopping_rounds} 0 (off; with eval
 * rows, stop when the eval loss has not improved for that many epochs, keep the best epoch's
 * weights and record it as {@code best_iteration}) and {@code class_weight} none.
 *
 * <p>Determinism: weights start from scikit-learn's/PyTorch's default uniform range drawn from
 * a {@link Random} seeded with the seed, and batches are shuffled by the same generator, so no
 * global RNG is involved; with the same inputs, parameters, seed and {@code nthread} the model
 * bytes are identical.
 */
public final class MlpTrainer implements Trainer {

  static final String NAME = "mlp";

  private static final List<ParameterSpec> PARAMETERS =
      List.of(
          ParameterSpec.integer("hidden_units", 128, 1, 4096),
          ParameterSpec.integer("hidden_layers", 1, 1, 8),
          ParameterSpec.integer("epochs", 10, 1, 10_000),
          ParameterSpec.integer("batch_size", 64, 1, 1_000_000),
          ParameterSpec.real("learning_rate", 0.001, 0, false, 1),
          ParameterSpec.real("weight_decay", 0.0, 0, true, 1),
          ParameterSpec.integer("nthread", 1, 1, 1024),
          ParameterSpec.integer(EvalSet.EARLY_STOPPING, 0, 0, 10_000),
          ParameterSpec.classWeight());

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Task> tasks() {
    return Set.of(Task.CLASSIFICATION, Task.REGRESSION);
  }

  @Override
  public List<ParameterSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public TrainedModel train(
      FeatureMatrix x, Labels y, EvalSet eval, Map<String, Object> parameters, long seed) {
    Map<String, Object> p = resolveParameters(parameters);
    y.checkFits(x);
    x.checkFinite(); // a NaN would spread through every weight it touches
    int patience = (Integer) p.get(EvalSet.EARLY_STOPPING);
    EvalSet.checkForTraining(NAME, patience, eval, x, y);
    if (eval != null) {
      eval.x().checkFinite();
    }
    Object classWeight = p.get(ClassWeights.PARAMETER);
    Target target = Target.of(y, ClassWeights.perRow(NAME, classWeight, y), null);
    Target watched =
        eval == null
            ? null
            : Target.of(eval.y(), ClassWeights.perRow(NAME, classWeight, eval.y()), target);
    MlpModel.Header header =
        new MlpModel.Header(
            MlpModel.FORMAT,
            y.task(),
            y.classes().size(),
            x.cols(),
            (Integer) p.get("hidden_units"),
            (Integer) p.get("hidden_layers"),
            (Integer) p.get("nthread"),
            target.mean(),
            target.std(),
            Map.of());
    return Torch.run(
        header.nthread(),
        () -> new Run(header, p, seed).fit(x, target, eval == null ? null : eval.x(), watched));
  }

  @Override
  public TrainedModel load(byte[] bytes) {
    return MlpModel.read(bytes);
  }

  @Override
  public boolean exportsOnnx() {
    return true;
  }

  @Override
  public Map<String, String> libraryVersions() {
    return Torch.versions();
  }

  /**
   * What the loss compares against, per row: the class index (classification) or the target
   * standardised with the training mean and deviation (regression), and the row weight.
   */
  record Target(Task task, int classes, int[] classIndex, float[] value, float[] weight,
      double mean, double std) {

    static Target of(Labels y, float[] weights, Target training) {
      int n = y.size();
      float[] weight = weights == null ? ones(n) : weights;
      if (y.task() == Task.CLASSIFICATION) {
        return new Target(y.task(), y.classes().size(), y.classIndex(), null, weight, 0, 1);
      }
      // eval rows are scaled as the training rows were
      double mean = training != null ? training.mean() : mean(y.values());
      double std = training != null ? training.std() : deviation(y.values(), mean);
      float[] value = new float[n];
      for (int r = 0; r < n; r++) {
        value[r] = (float) ((y.values()[r] - mean) / std);
      }
      return new Target(y.task(), 0, null, value, weight, mean, std);
    }

    private static double mean(double[] values) {
      double sum = 0;
      for (double v : values) {
        sum += v;
      }
      return sum / values.length;
    }

    /** The population standard deviation, or 1 for a constant target (nothing to scale). */
    private static double deviation(double[] values, double mean) {
      double sum = 0;
      for (double v : values) {
        sum += (v - mean) * (v - mean);
      }
      return sum > 0 ? Math.sqrt(sum / values.length) : 1;
    }

    private static float[] ones(int n) {
      float[] out = new float[n];
      java.util.Arrays.fill(out, 1f);
      return out;
    }
  }

  /** One training run: the network, its optimiser and the generator that drives both. */
  private static final class Run {
    private final MlpModel.Header header;
    private final int epochs;
    private final int batchSize;
    private final int patience;
    private final Optimizer optimizer;
    private final Random random;

    Run(MlpModel.Header header, Map<String, Object> p, long seed) {
      this.header = header;
      this.epochs = (Integer) p.get("epochs");
      this.batchSize = (Integer) p.get("batch_size");
      this.patience = (Integer) p.get(EvalSet.EARLY_STOPPING);
      this.optimizer =
          Optimizer.adam()
              .optLearningRateTracker(Tracker.fixed(((Number) p.get("learning_rate")).floatValue()))
              .optWeightDecays(((Number) p.get("weight_decay")).floatValue())
              .build();
      this.random = new Random(seed);
    }

    MlpModel fit(FeatureMatrix x, Target y, FeatureMatrix evalX, Target evalY) {
      NDManager manager = NDManager.newBaseManager(Device.cpu(), Torch.ENGINE);
      SequentialBlock network = MlpModel.network(header, manager);
      initialise(network, manager);
      int[] order = new int[x.rows()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      // As the boosters: eval rows are watched only when early stopping is on, so a summary's
      // best_iteration always names the epoch whose weights the model holds.
      boolean watch = patience > 0 && evalX != null;
      double best = Double.POSITIVE_INFINITY;
      int bestEpoch = -1;
      byte[] bestWeights = null;
      for (int epoch = 0; epoch < epochs; epoch++) {
        shuffle(order);
        for (int from = 0; from < order.length; from += batchSize) {
          step(network, manager, x, y, order, from, Math.min(batchSize, order.length - from));
        }
        if (watch) {
          double loss = evalLoss(network, manager, evalX, evalY);
          if (loss < best) {
            best = loss;
            bestEpoch = epoch;
            bestWeights = save(network);
          } else if (epoch - bestEpoch >= patience) {
            break;
          }
        }
      }
      Map<String, String> summary = new LinkedHashMap<>();
      if (watch) {
        restore(network, manager, bestWeights);
        summary.put("best_iteration", Integer.toString(bestEpoch));
        summary.put("best_eval_loss", Double.toString(best));
      }
      MlpModel.Header done =
          new MlpModel.Header(
              header.format(), header.task(), header.classes(), header.features(),
              header.hiddenUnits(), header.hiddenLayers(), header.nthread(), header.targetMean(),
              header.targetStd(), Map.copyOf(summary));
      return new MlpModel(done, manager, network);
    }

    /** PyTorch's default for linear layers: weights and biases uniform in ±1/sqrt(fan-in). */
    private void initialise(SequentialBlock network, NDManager manager) {
      long fanIn = 1;
      // Overwrite in place outside autograd: NDArray.set on a tensor that requires gradients
      // goes through a deprecated PyTorch mode that prints a warning.
      boolean gradMode = JniUtils.isGradMode();
      JniUtils.setGradMode(false);
      try (NDManager scratch = manager.newSubManager()) {
        for (Pair<String, Parameter> named : network.getParameters()) {
          NDArray array = named.getValue().getArray();
          Shape shape = array.getShape();
          if (named.getValue().getType() == Parameter.Type.WEIGHT) {
            fanIn = shape.get(1); // [units, inputs]; the bias that follows shares it
          }
          float bound = (float) (1 / Math.sqrt(fanIn));
          float[] values = new float[(int) shape.size()];
          for (int i = 0; i < values.length; i++) {
            values[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
          }
          array.muli(0).addi(scratch.create(values, shape));
        }
      } finally {
        JniUtils.setGradMode(gradMode);
      }
    }

    private void shuffle(int[] order) {
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }

    private void step(
        SequentialBlock network, NDManager manager, FeatureMatrix x, Target y,
        int[] order, int from, int rows) {
      try (NDManager batch = manager.newSubManager()) {
        float[] features = Batches.rows(x, order, from, rows);
        try (GradientCollector collector = Engine.getEngine(Torch.ENGINE).newGradientCollector()) {
          NDArray logits = MlpModel.logits(network, header, batch, features, rows, true);
          collector.backward(loss(batch, logits, y, order, from, rows));
        }
        for (Pair<String, Parameter> named : network.getParameters()) {
          Parameter parameter = named.getValue();
          NDArray weight = parameter.getArray();
          try (NDArray gradient = weight.getGradient()) {
            optimizer.update(parameter.getId(), weight, gradient);
            // PyTorch accumulates gradients across backward passes; each batch starts at zero.
            gradient.subi(gradient);
          }
        }
      }
    }

    /** The weighted mean loss over rows {@code order[from..from+rows)}. */
    private static NDArray loss(
        NDManager batch, NDArray logits, Target y, int[] order, int from, int rows) {
      float[] weight = new float[rows];
      for (int i = 0; i < rows; i++) {
        weight[i] = y.weight()[order == null ? from + i : order[from + i]];
      }
      NDArray w = batch.create(weight);
      NDArray perRow;
      if (y.task() == Task.CLASSIFICATION) {
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
          index[i] = y.classIndex()[order == null ? from + i : order[from + i]];
        }
        NDArray oneHot = batch.create(index).oneHot(y.classes());
        perRow = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg();
      } else {
        float[] value = new float[rows];
        for (int i = 0; i < rows; i++) {
          value[i] = y.value()[order == null ? from + i : order[from + i]];
        }
        perRow = logits.reshape(rows).sub(batch.create(value)).square();
      }
      return perRow.mul(w).sum().div(w.sum());
    }

    private double evalLoss(SequentialBlock network, NDManager manager, FeatureMatrix x, Target y) {
      double total = 0;
      double weight = 0;
      int chunk = 4096;
      for (int from = 0; from < x.rows(); from += chunk) {
        int rows = Math.min(chunk, x.rows() - from);
        try (NDManager batch = manager.newSubManager()) {
          NDArray logits =
              MlpModel.logits(network, header, batch, Batches.rows(x, from, rows), rows, false);
          double sum = 0;
          for (int i = 0; i < rows; i++) {
            sum += y.weight()[from + i];
          }
          total += loss(batch, logits, y, null, from, rows).getFloat() * sum;
          weight += sum;
        }
      }
      return total / weight;
    }

    private static byte[] save(SequentialBlock network) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try {
        network.saveParameters(new DataOutputStream(out));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return out.toByteArray();
    }

    private static void restore(SequentialBlock network, NDManager manager, byte[] weights) {
      try {
        network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(weights)));
      } catch (IOException | MalformedModelException e) {
        throw new IllegalStateException("cannot restore the best epoch's weights", e);
      }
    }
  }
}
