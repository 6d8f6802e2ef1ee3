package dev.slipway.train.djl;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.train.TrainedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.Arrays;
import java.util.Map;

/**
 * A trained multilayer perceptron. Persisted form: one line of JSON ({@link Header}: the
 * architecture, target scaling and training summary), a newline, then DJL's parameter encoding.
 * The network's native memory is freed when the model becomes unreachable.
 */
final class MlpModel implements TrainedModel {

  /** What the parameter bytes do not say: how to rebuild the network and read its output. */
  record Header(
      @JsonProperty("format") String format,
      Task task,
      int classes,
      int features,
      @JsonProperty("hidden_units") int hiddenUnits,
      @JsonProperty("hidden_layers") int hiddenLayers,
      int nthread,
      @JsonProperty("target_mean") double targetMean,
      @JsonProperty("target_std") double targetStd,
      Map<String, String> training) {

    int outputs() {
      return task == Task.CLASSIFICATION ? classes : 1;
    }
  }

  static final String FORMAT = "slipway-mlp-1";
  /** Rows per forward pass when predicting: bounds native memory on large inputs. */
  private static final int PREDICT_BATCH = 4096;

  private static final Cleaner CLEANER = Cleaner.create();

  private final Header header;
  private final NDManager manager;
  private final SequentialBlock network;

  MlpModel(Header header, NDManager manager, SequentialBlock network) {
    this.header = header;
    this.manager = manager;
    this.network = network;
    CLEANER.register(this, manager::close);
  }

  /** A network of the header's shape with its parameters allocated (not yet set). */
  static SequentialBlock network(Header header, NDManager manager) {
    SequentialBlock network = new SequentialBlock();
    for (int i = 0; i < header.hiddenLayers(); i++) {
      network.add(Linear.builder().setUnits(header.hiddenUnits()).build());
      network.add(Activation.reluBlock());
    }
    network.add(Linear.builder().setUnits(header.outputs()).build());
    network.initialize(manager, DataType.FLOAT32, new Shape(1, header.features()));
    return network;
  }

  static MlpModel read(byte[] bytes) {
    int newline = indexOf(bytes, (byte) '\n');
    Header header = null;
    if (newline > 1 && bytes[0] == '{') {
      try {
        header = Json.read(Arrays.copyOf(bytes, newline), Header.class);
      } catch (RuntimeException e) {
        header = null;
      }
    }
    if (header == null || !FORMAT.equals(header.format())) {
      throw new InvalidInputException("not a Slipway MLP model (expected format " + FORMAT + ")");
    }
    Header h = header;
    return Torch.run(
        h.nthread(),
        () -> {
          NDManager manager = NDManager.newBaseManager(Device.cpu(), Torch.ENGINE);
          SequentialBlock network = network(h, manager);
          try {
            network.loadParameters(
                manager,
                new DataInputStream(
                    new ByteArrayInputStream(bytes, newline + 1, bytes.length - newline - 1)));
          } catch (IOException | MalformedModelException e) {
            manager.close();
            throw new InvalidInputException("the MLP model's parameters are unreadable: " + e, e);
          }
          return new MlpModel(h, manager, network);
        });
  }

  private static int indexOf(byte[] bytes, byte b) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public String trainer() {
    return MlpTrainer.NAME;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (header.task() != Task.CLASSIFICATION) {
      throw new InvalidInputException("this MLP predicts values (regression), not probabilities");
    }
    float[] out = forward(x, true);
    int k = header.classes();
    double[][] p = new double[x.rows()][k];
    for (int r = 0; r < p.length; r++) {
      for (int c = 0; c < k; c++) {
        p[r][c] = out[r * k + c];
      }
    }
    return p;
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    if (header.task() != Task.REGRESSION) {
      throw new InvalidInputException("this MLP predicts classes, not values; ask for probabilities");
    }
    float[] out = forward(x, false);
    double[] values = new double[x.rows()];
    for (int r = 0; r < values.length; r++) {
      values[r] = out[r] * header.targetStd() + header.targetMean();
    }
    return values;
  }

  /** The network's outputs for every row, row-major; softmax applied when asked. */
  private float[] forward(FeatureMatrix x, boolean softmax) {
    if (x.cols() != header.features()) {
      throw new InvalidInputException(
          "the MLP was trained on " + header.features() + " features but got " + x.cols());
    }
    int outputs = header.outputs();
    float[] out = new float[x.rows() * outputs];
    return Torch.run(
        header.nthread(),
        () -> {
          for (int from = 0; from < x.rows(); from += PREDICT_BATCH) {
            int rows = Math.min(PREDICT_BATCH, x.rows() - from);
            try (NDManager batch = manager.newSubManager()) {
              NDArray logits =
                  logits(network, header, batch, Batches.rows(x, from, rows), rows, false);
              float[] values = (softmax ? logits.softmax(1) : logits).toFloatArray();
              System.arraycopy(values, 0, out, from * outputs, values.length);
            }
          }
          return out;
        });
  }

  /** The network's raw outputs for one batch of rows; the result belongs to {@code batch}. */
  static NDArray logits(
      SequentialBlock network, Header header, NDManager batch, float[] features, int rows,
      boolean training) {
    NDArray input = batch.create(features, new Shape(rows, header.features()));
    return network
        .forward(new ParameterStore(batch, false), new NDList(input), training)
        .singletonOrThrow();
  }

  @Override
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      out.write(Json.MAPPER.writeValueAsBytes(header)); // one line: the newline ends it
      out.write('\n');
      Torch.run(
          header.nthread(),
          () -> {
            try {
              network.saveParameters(new DataOutputStream(out));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            return null;
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  @Override
  public java.util.Optional<byte[]> toOnnx() {
    return java.util.Optional.of(Torch.run(header.nthread(), () -> MlpOnnx.export(header, network)));
  }

  @Override
  public Map<String, String> trainingSummary() {
    return header.training();
  }

  Header header() {
    return header;
  }

  @Override
  public String toString() {
    return "MlpModel[" + header + "]";
  }
}
