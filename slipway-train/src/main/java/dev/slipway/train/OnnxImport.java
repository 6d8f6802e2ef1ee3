package dev.slipway.train;

import ai.onnx.proto.OnnxMl;
import ai.onnxruntime.OnnxModelMetadata;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Schema;
import dev.slipway.core.Sha256;
import dev.slipway.core.Task;
import dev.slipway.features.TransformGraph;
import dev.slipway.features.TransformOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns an external ONNX file into a {@link ModelBundle} whose transform is the identity over
 * numeric inputs: each feature is a required FLOAT column (FP64 in the serving signature), passed
 * to the graph unchanged (a missing value reaches it as NaN). See {@link OnnxModel} for the graph
 * layouts understood and {@code docs/onnx.md} for the command.
 *
 * @param sourceName the file name, recorded in provenance
 * @param task the task, or null to infer it (a probability output means classification, else
 *     regression)
 * @param label the label column name that evaluation data carries
 * @param features feature names in graph order; empty to take them from the graph, which works for
 *     one input per feature or a single [N, 1] input
 * @param classes class names in probability-column order; empty to take them from a
 *     sequence-of-maps output's keys
 */
public record OnnxImport(
    String sourceName, Task task, String label, List<String> features, List<String> classes) {

  public OnnxImport {
    features = List.copyOf(features);
    classes = List.copyOf(classes);
  }

  /**
   * Reads and checks the ONNX bytes and builds the bundle.
   *
   * @throws InvalidInputException when the bytes are not ONNX, the graph layout is not supported
   *     (the message lists its inputs and outputs), or the feature or class names do not fit it
   */
  public ModelBundle toBundle(byte[] onnx) {
    OnnxModel model = OnnxModel.load(onnx);
    try {
      List<String> names = featureNames(model);
      Task resolved = task != null ? task : model.hasProbabilities() ? Task.CLASSIFICATION : Task.REGRESSION;
      if (resolved == Task.CLASSIFICATION && !model.hasProbabilities()) {
        throw OnnxModel.unsupported("--task classification needs a probability output", model.session());
      }
      if (resolved == Task.REGRESSION && !model.hasValues()) {
        throw OnnxModel.unsupported("--task regression needs a value output [N] or [N, 1]", model.session());
      }
      List<String> classNames = resolved == Task.CLASSIFICATION ? classNames(model, names.size()) : List.of();
      Schema schema = new Schema(
          names.stream().map(n -> new Schema.Feature(n, FeatureType.FLOAT, true, null)).toList());
      TransformGraph identity = new TransformGraph(
          TransformGraph.FORMAT_VERSION,
          new TransformOptions(TransformOptions.MEAN, false, 1),
          names.stream().<TransformGraph.Step>map(n -> new TransformGraph.NumericStep(n, Double.NaN, 0, 1)).toList());
      return ModelBundle.create(resolved, label, classNames, schema, identity, model, provenance(onnx, model, resolved));
    } catch (OrtException e) {
      throw new InvalidInputException("cannot inspect the ONNX model: " + e.getMessage(), e);
    }
  }

  private List<String> featureNames(OnnxModel model) throws OrtException {
    long declared = model.declaredFeatures();
    if (!features.isEmpty()) {
      if (declared >= 0 && features.size() != declared) {
        throw new InvalidInputException(
            "--features names " + features.size() + " feature(s) " + features + " but the ONNX model takes "
                + declared + " (inputs " + model.inputNames() + "); name exactly " + declared);
      }
      if (features.stream().distinct().count() != features.size() || features.contains(label)) {
        throw new InvalidInputException(
            "--features " + features + " must be distinct and must not contain the label '" + label + "'");
      }
      return features;
    }
    if (!model.singleInput()) {
      return model.inputNames();
    }
    if (declared == 1) {
      return model.inputNames();
    }
    throw new InvalidInputException(
        "the ONNX model's input '" + model.inputNames().getFirst() + "' takes "
            + (declared < 0 ? "a dynamic number of" : Long.toString(declared))
            + " features and the file has no feature names; pass --features with "
            + (declared < 0 ? "the" : Long.toString(declared)) + " comma-separated names in column order");
  }

  private List<String> classNames(OnnxModel model, int featureCount) throws OrtException {
    List<String> fromMap = model.mapClasses(featureCount);
    if (!classes.isEmpty()) {
      int k = fromMap.isEmpty() ? probabilityColumns(model, featureCount) : fromMap.size();
      if (classes.size() != k) {
        throw new InvalidInputException(
            "--classes names " + classes.size() + " class(es) " + classes + " but the ONNX model outputs "
                + k + " probabilities" + (fromMap.isEmpty() ? "" : " for classes " + fromMap));
      }
      return classes;
    }
    if (fromMap.isEmpty()) {
      throw new InvalidInputException(
          "the ONNX model's probability output has no class names; pass --classes with "
              + probabilityColumns(model, featureCount) + " comma-separated names in column order");
    }
    return fromMap;
  }

  private static int probabilityColumns(OnnxModel model, int featureCount) {
    return model.predictProbabilities(
        new dev.slipway.features.FeatureMatrix(
            java.util.stream.IntStream.range(0, featureCount).mapToObj(i -> "f" + i).toList(),
            1, new double[featureCount]))[0].length;
  }

  private Provenance provenance(byte[] onnx, OnnxModel model, Task resolved) throws OrtException {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("source_file", sourceName);
    parameters.put("task", resolved.name().toLowerCase(java.util.Locale.ROOT));
    Map<String, String> facts = new LinkedHashMap<>();
    OnnxModelMetadata meta = model.session().getMetadata();
    facts.put("producer_name", meta.getProducerName());
    facts.put("graph_name", meta.getGraphName());
    facts.put("model_version", Long.toString(meta.getVersion()));
    try {
      OnnxMl.ModelProto proto = OnnxMl.ModelProto.parseFrom(onnx);
      facts.put("producer_version", proto.getProducerVersion());
      facts.put("ir_version", Long.toString(proto.getIrVersion()));
      facts.put("opset", proto.getOpsetImportList().stream()
          .map(o -> (o.getDomain().isEmpty() ? "ai.onnx" : o.getDomain()) + ":" + o.getVersion())
          .sorted()
          .collect(Collectors.joining(",")));
    } catch (InvalidProtocolBufferException e) {
      // onnxruntime accepted the bytes, so this cannot happen with a matching protobuf schema.
      throw new InvalidInputException("cannot read the ONNX model's metadata: " + e.getMessage(), e);
    }
    return new Provenance(
        OnnxModel.TRAINER,
        parameters,
        0,
        Map.of("onnx", Sha256.hex(onnx)),
        Map.of("onnxruntime", OrtEnvironment.getEnvironment().getVersion()),
        Runtime.version().toString(),
        facts);
  }
}
