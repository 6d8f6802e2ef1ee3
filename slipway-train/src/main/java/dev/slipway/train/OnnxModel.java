package dev.slipway.train;

import ai.onnxruntime.MapInfo;
import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxMap;
import ai.onnxruntime.OnnxSequence;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.SequenceInfo;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.ValueInfo;
import dev.slipway.core.InvalidInputException;
import dev.slipway.features.FeatureMatrix;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An external ONNX model run through onnxruntime; made by {@link OnnxImport}, never trained. Its
 * persisted form ({@link #toBytes()}, the bundle's {@code model.bin}) is the ONNX file itself, and
 * how to call it is read back from the graph on every load:
 *
 * <ul>
 *   <li>inputs: one float tensor [N, F] receiving the feature matrix, or F float tensors [N, 1],
 *       one per feature, in graph order;
 *   <li>outputs: a probability output (a float tensor [N, K], or sklearn-onnx's {@code ZipMap}
 *       sequence of maps, whose keys in sorted order are the K classes), optionally beside a label
 *       output that is ignored (the bundle takes the most probable class); or, for regression, one
 *       float tensor [N] or [N, 1].
 * </ul>
 *
 * <p>Immutable; {@link OrtSession#run} is thread-safe, so predictions may run concurrently. The
 * session lives as long as the model (bundles have no close).
 */
public final class OnnxModel implements TrainedModel {

  /** The {@link TrainedModel#trainer()} of imported ONNX models; not a {@link Trainer} plugin. */
  public static final String TRAINER = "onnx";

  private final byte[] bytes;
  private final OrtSession session;
  private final List<String> inputs;
  private final boolean singleInput;
  private final long declaredFeatures;
  private final String probabilities;
  private final String values;

  private OnnxModel(byte[] bytes, OrtSession session) throws OrtException {
    this.bytes = bytes.clone();
    this.session = session;
    Map<String, NodeInfo> in = session.getInputInfo();
    this.inputs = List.copyOf(in.keySet());
    this.singleInput = in.size() == 1 && isFloat(in.values().iterator().next(), 2) && !isColumn(in.values().iterator().next());
    if (singleInput) {
      declaredFeatures = ((TensorInfo) in.values().iterator().next().getInfo()).getShape()[1];
    } else if (in.values().stream().allMatch(OnnxModel::isColumn)) {
      declaredFeatures = in.size();
    } else {
      throw unsupported("its inputs are not supported", session);
    }
    String probs = null;
    String vals = null;
    for (NodeInfo out : session.getOutputInfo().values()) {
      ValueInfo info = out.getInfo();
      if (info instanceof SequenceInfo s && s.isSequenceOfMaps()
          && s.mapInfo.valueType == OnnxJavaType.FLOAT && probs == null) {
        probs = out.getName();
      } else if (info instanceof TensorInfo t && t.type == OnnxJavaType.FLOAT) {
        long[] shape = t.getShape();
        boolean oneValue = shape.length == 1 || shape.length == 2 && shape[1] == 1;
        if (oneValue && vals == null) {
          vals = out.getName();
        } else if (shape.length == 2 && probs == null) {
          probs = out.getName();
        }
      }
    }
    if (probs == null && vals == null) {
      throw unsupported("it has no probability or value output", session);
    }
    this.probabilities = probs;
    this.values = vals;
  }

  /**
   * Restores a model from ONNX bytes.
   *
   * @throws InvalidInputException when onnxruntime cannot read the bytes or the graph's inputs and
   *     outputs are not a supported layout; the message lists what the graph has
   */
  public static OnnxModel load(byte[] bytes) {
    OrtSession session;
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      session = OrtEnvironment.getEnvironment().createSession(bytes, options);
    } catch (OrtException e) {
      throw new InvalidInputException(
          "not a readable ONNX model: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    try {
      return new OnnxModel(bytes, session);
    } catch (OrtException | RuntimeException e) {
      closeAfterFailure(session, e);
      if (e instanceof InvalidInputException invalid) {
        throw invalid;
      }
      throw new InvalidInputException("cannot inspect the ONNX model: " + e.getMessage(), e);
    }
  }

  private static void closeAfterFailure(OrtSession session, Exception failure) {
    try {
      session.close();
    } catch (OrtException e) {
      failure.addSuppressed(e);
    }
  }

  private static boolean isFloat(NodeInfo node, int rank) {
    return node.getInfo() instanceof TensorInfo t
        && t.type == OnnxJavaType.FLOAT
        && t.getShape().length == rank;
  }

  private static boolean isColumn(NodeInfo node) {
    return isFloat(node, 2) && ((TensorInfo) node.getInfo()).getShape()[1] == 1;
  }

  static InvalidInputException unsupported(String why, OrtSession session) throws OrtException {
    return new InvalidInputException(
        "the ONNX model is not supported: "
            + why
            + "; it has inputs "
            + describe(session.getInputInfo())
            + " and outputs "
            + describe(session.getOutputInfo())
            + ". Supported: one float input [N, F] or one float input [N, 1] per feature, and a"
            + " float probability output [N, K] or sequence of maps (sklearn-onnx ZipMap), or a"
            + " float value output [N] or [N, 1] for regression");
  }

  private static String describe(Map<String, NodeInfo> nodes) {
    return nodes.values().stream()
        .map(n -> "'" + n.getName() + "' " + describe(n.getInfo()))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  private static String describe(ValueInfo info) {
    if (info instanceof TensorInfo t) {
      return t.type.name().toLowerCase(java.util.Locale.ROOT) + " " + Arrays.toString(t.getShape()).replace("-1", "N");
    }
    if (info instanceof SequenceInfo s && s.isSequenceOfMaps()) {
      MapInfo m = s.mapInfo;
      return "seq(map(" + m.keyType + ", " + m.valueType + "))";
    }
    return info.toString();
  }

  /** The graph's input names, in order. */
  public List<String> inputNames() {
    return inputs;
  }

  /** True when the graph takes one [N, F] tensor; false for one [N, 1] tensor per feature. */
  public boolean singleInput() {
    return singleInput;
  }

  /** F as declared by the graph; -1 when the feature dimension is dynamic. */
  public long declaredFeatures() {
    return declaredFeatures;
  }

  /** True when the graph has a probability output (a classifier). */
  public boolean hasProbabilities() {
    return probabilities != null;
  }

  /** True when the graph has a single-value output (a regressor). */
  public boolean hasValues() {
    return values != null;
  }

  /** The onnxruntime session, for reading the model's metadata. */
  OrtSession session() {
    return session;
  }

  @Override
  public String trainer() {
    return TRAINER;
  }

  @Override
  public double[][] predictProbabilities(FeatureMatrix x) {
    if (probabilities == null) {
      throw new InvalidInputException("this ONNX model has no probability output; it predicts values");
    }
    return run(x, probabilities, OnnxModel::probabilities);
  }

  @Override
  public double[] predictValues(FeatureMatrix x) {
    if (values == null) {
      throw new InvalidInputException("this ONNX model has no value output; it predicts probabilities");
    }
    return run(x, values, v -> {
      double[][] rows = probabilities(v);
      double[] out = new double[rows.length];
      for (int r = 0; r < rows.length; r++) {
        out[r] = rows[r][0];
      }
      return out;
    });
  }

  private interface Decoder<T> {
    T decode(OnnxValue value) throws OrtException;
  }

  private <T> T run(FeatureMatrix x, String output, Decoder<T> decoder) {
    if (declaredFeatures >= 0 && x.cols() != declaredFeatures) {
      throw new InvalidInputException(
          "the ONNX model takes " + declaredFeatures + " features, got " + x.cols());
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    Map<String, OnnxTensor> feed = new HashMap<>();
    try {
      if (singleInput) {
        feed.put(inputs.getFirst(),
            OnnxTensor.createTensor(env, FloatBuffer.wrap(x.toFloats()), new long[] {x.rows(), x.cols()}));
      } else {
        for (int c = 0; c < inputs.size(); c++) {
          float[] column = new float[x.rows()];
          for (int r = 0; r < x.rows(); r++) {
            column[r] = (float) x.get(r, c);
          }
          feed.put(inputs.get(c),
              OnnxTensor.createTensor(env, FloatBuffer.wrap(column), new long[] {x.rows(), 1}));
        }
      }
      try (OrtSession.Result result = session.run(feed, java.util.Set.of(output))) {
        return decoder.decode(result.get(0));
      }
    } catch (OrtException e) {
      throw new InvalidInputException("onnxruntime failed to run the model: " + e.getMessage(), e);
    } finally {
      feed.values().forEach(OnnxTensor::close);
    }
  }

  /** Rows of a float tensor [N, K] or [N], or of a sequence of maps with keys in sorted order. */
  private static double[][] probabilities(OnnxValue value) throws OrtException {
    if (value instanceof OnnxSequence sequence) {
      List<? extends OnnxValue> maps = sequence.getValue();
      double[][] out = new double[maps.size()][];
      for (int r = 0; r < out.length; r++) {
        Map<? extends Object, ? extends Object> map = ((OnnxMap) maps.get(r)).getValue();
        List<Object> keys = sortedKeys(map);
        out[r] = new double[keys.size()];
        for (int c = 0; c < keys.size(); c++) {
          out[r][c] = ((Number) map.get(keys.get(c))).doubleValue();
        }
      }
      return out;
    }
    Object data = ((OnnxTensor) value).getValue();
    if (data instanceof float[] flat) {
      double[][] out = new double[flat.length][1];
      for (int r = 0; r < flat.length; r++) {
        out[r][0] = flat[r];
      }
      return out;
    }
    float[][] rows = (float[][]) data;
    double[][] out = new double[rows.length][];
    for (int r = 0; r < rows.length; r++) {
      out[r] = new double[rows[r].length];
      for (int c = 0; c < rows[r].length; c++) {
        out[r][c] = rows[r][c];
      }
    }
    return out;
  }

  private static List<Object> sortedKeys(Map<? extends Object, ? extends Object> map) {
    List<Object> keys = new ArrayList<>(map.keySet());
    keys.sort((a, b) -> a instanceof Long la && b instanceof Long lb ? la.compareTo(lb)
        : String.valueOf(a).compareTo(String.valueOf(b)));
    return keys;
  }

  /**
   * The class keys of a sequence-of-maps probability output, sorted (their column order), found by
   * running one all-zero row of {@code f} features; empty when the probabilities are a plain tensor.
   */
  List<String> mapClasses(int f) throws OrtException {
    if (probabilities == null
        || !(session.getOutputInfo().get(probabilities).getInfo() instanceof SequenceInfo)) {
      return List.of();
    }
    FeatureMatrix zero = new FeatureMatrix(
        java.util.stream.IntStream.range(0, f).mapToObj(i -> "f" + i).toList(), 1, new double[f]);
    return run(zero, probabilities, v -> {
      List<? extends OnnxValue> maps = ((OnnxSequence) v).getValue();
      return sortedKeys(((OnnxMap) maps.getFirst()).getValue()).stream().map(String::valueOf).toList();
    });
  }

  @Override
  public byte[] toBytes() {
    return bytes.clone();
  }

  @Override
  public Optional<byte[]> toOnnx() {
    return Optional.of(bytes.clone());
  }
}
