package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.onnx.proto.OnnxMl;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Predictions;
import dev.slipway.core.Sha256;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.features.FeatureMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Importing ONNX graphs built here with the ONNX protobuf schema, in the two layouts sklearn-onnx
 * writes (ZipMap probabilities beside an int64 label; one [N, F] input or one [N, 1] input per
 * feature), checked against a softmax computed in Java; and the refusals.
 */
class OnnxImportTest {

  static final double[] A = {0.5, -1.25, 2.0, 0.0};
  static final double[] B = {1.0, 0.75, -3.5, 0.0};

  private static OnnxMl.TypeProto floatTensor(long... dims) {
    return tensor(OnnxMl.TensorProto.DataType.FLOAT, dims);
  }

  private static OnnxMl.TypeProto tensor(OnnxMl.TensorProto.DataType type, long... dims) {
    OnnxMl.TensorShapeProto.Builder shape = OnnxMl.TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(d < 0
          ? OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N")
          : OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(type.getNumber()).setShape(shape))
        .build();
  }

  private static OnnxMl.ValueInfoProto value(String name, OnnxMl.TypeProto type) {
    return OnnxMl.ValueInfoProto.newBuilder().setName(name).setType(type).build();
  }

  private static OnnxMl.AttributeProto ints(String name, long... values) {
    OnnxMl.AttributeProto.Builder a = OnnxMl.AttributeProto.newBuilder().setName(name);
    if (values.length == 1 && !name.startsWith("classlabels")) {
      return a.setType(OnnxMl.AttributeProto.AttributeType.INT).setI(values[0]).build();
    }
    a.setType(OnnxMl.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  /** softmax over [a, b] → ZipMap {0, 1} and ArgMax label, as sklearn-onnx lays out a classifier. */
  static byte[] zipMapClassifier(boolean perFeature) {
    OnnxMl.GraphProto.Builder graph = OnnxMl.GraphProto.newBuilder().setName("zipmap-test");
    if (perFeature) {
      graph.addInput(value("a", floatTensor(-1, 1))).addInput(value("b", floatTensor(-1, 1)));
      graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Concat")
          .addInput("a").addInput("b").addOutput("z").addAttribute(ints("axis", 1)));
    } else {
      graph.addInput(value("X", floatTensor(-1, 2)));
      graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Identity").addInput("X").addOutput("z"));
    }
    graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("Softmax")
        .addInput("z").addOutput("p").addAttribute(ints("axis", 1)));
    graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("ArgMax")
        .addInput("p").addOutput("output_label").addAttribute(ints("axis", 1)).addAttribute(ints("keepdims", 0)));
    graph.addNode(OnnxMl.NodeProto.newBuilder().setOpType("ZipMap").setDomain("ai.onnx.ml")
        .addInput("p").addOutput("output_probability").addAttribute(ints("classlabels_int64s", 0, 1)));
    graph.addOutput(value("output_label", OnnxMl.TypeProto.newBuilder()
        .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
            .setElemType(OnnxMl.TensorProto.DataType.INT64.getNumber())
            .setShape(OnnxMl.TensorShapeProto.newBuilder()
                .addDim(OnnxMl.TensorShapeProto.Dimension.newBuilder().setDimParam("N"))))
        .build()));
    graph.addOutput(value("output_probability", OnnxMl.TypeProto.newBuilder()
        .setSequenceType(OnnxMl.TypeProto.Sequence.newBuilder().setElemType(
            OnnxMl.TypeProto.newBuilder().setMapType(OnnxMl.TypeProto.Map.newBuilder()
                .setKeyType(OnnxMl.TensorProto.DataType.INT64.getNumber())
                .setValueType(OnnxMl.TypeProto.newBuilder().setTensorType(OnnxMl.TypeProto.Tensor.newBuilder()
                    .setElemType(OnnxMl.TensorProto.DataType.FLOAT.getNumber()))))))
        .build()));
    return OnnxMl.ModelProto.newBuilder()
        .setIrVersion(8)
        .setProducerName("skl2onnx-like")
        .setProducerVersion("9.9")
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("").setVersion(13))
        .addOpsetImport(OnnxMl.OperatorSetIdProto.newBuilder().setDomain("ai.onnx.ml").setVersion(1))
        .setGraph(graph)
        .build()
        .toByteArray();
  }

  static Table table(String first, String second) {
    return new Table(List.of(new NumericColumn(first, A), new NumericColumn(second, B)));
  }

  static void assertSoftmax(Predictions p) {
    for (int r = 0; r < A.length; r++) {
      double e0 = Math.exp(A[r]);
      double e1 = Math.exp(B[r]);
      assertThat(p.probabilities()[r][0]).isCloseTo(e0 / (e0 + e1), within(1e-6));
      assertThat(p.probabilities()[r][1]).isCloseTo(e1 / (e0 + e1), within(1e-6));
      assertThat(p.labels().get(r)).isEqualTo(A[r] >= B[r] ? "0" : "1");
    }
  }

  @Test
  void zipMapClassifierWithOneInputTakesClassesFromTheMapKeysAndRoundTrips() throws IOException {
    byte[] onnx = zipMapClassifier(false);
    ModelBundle bundle = new OnnxImport("m.onnx", null, "y", List.of("u", "v"), List.of()).toBundle(onnx);
    assertThat(bundle.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(bundle.classes()).containsExactly("0", "1");
    assertThat(bundle.signature()).containsExactly(new TensorSpec("u", "FP64"), new TensorSpec("v", "FP64"));
    assertSoftmax(bundle.predict(table("u", "v")));

    ByteArrayOutputStream first = new ByteArrayOutputStream();
    bundle.write(first);
    ModelBundle read = ModelBundle.read(new ByteArrayInputStream(first.toByteArray()));
    assertSoftmax(read.predict(table("u", "v")));
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    read.write(second);
    assertThat(second.toByteArray()).isEqualTo(first.toByteArray());

    Provenance p = read.provenance();
    assertThat(p.trainer()).isEqualTo("onnx");
    assertThat(p.parameters()).containsEntry("source_file", "m.onnx");
    assertThat(p.inputDigests()).containsEntry("onnx", Sha256.hex(onnx));
    assertThat(p.libraryVersions()).containsEntry("onnxruntime", "1.29.0");
    assertThat(p.training())
        .containsEntry("producer_name", "skl2onnx-like")
        .containsEntry("producer_version", "9.9")
        .containsEntry("opset", "ai.onnx.ml:1,ai.onnx:13");
  }

  @Test
  void oneInputPerFeatureTakesTheGraphNamesAndClassesMayBeRenamed() {
    ModelBundle bundle = new OnnxImport("m.onnx", Task.CLASSIFICATION, "y", List.of(), List.of("no", "yes"))
        .toBundle(zipMapClassifier(true));
    assertThat(bundle.inputSchema().features()).extracting(f -> f.name()).containsExactly("a", "b");
    assertThat(bundle.classes()).containsExactly("no", "yes");
    Predictions p = bundle.predict(table("a", "b"));
    assertThat(p.probabilities()[2][0]).isCloseTo(Math.exp(2.0) / (Math.exp(2.0) + Math.exp(-3.5)), within(1e-6));
    assertThat(p.labels().get(2)).isEqualTo("no");
  }

  @Test
  void exportedLinearRegressionImportsAsARegressor() {
    FeatureMatrix m = new FeatureMatrix(List.of("a", "b"), 4, new double[] {1, 2, 2, 1, 3, 0, 0, 3});
    TrainedModel model = Trainers.find("linear_regression")
        .train(m, Labels.regression(new NumericColumn("t", new double[] {3, 4, 6, 0})), Map.of(), 1);
    ModelBundle bundle = new OnnxImport("r.onnx", null, "t", List.of("a", "b"), List.of())
        .toBundle(model.toOnnx().orElseThrow());
    assertThat(bundle.task()).isEqualTo(Task.REGRESSION);
    double[] values = bundle.predict(new Table(List.of(
        new NumericColumn("a", new double[] {1, 2, 3, 0}), new NumericColumn("b", new double[] {2, 1, 0, 3}))))
        .values();
    double[] java = model.predictValues(m);
    for (int r = 0; r < 4; r++) {
      assertThat(values[r]).isCloseTo(java[r], within(1e-5 * Math.max(1, Math.abs(java[r]))));
    }
  }

  @Test
  void aPlainProbabilityTensorNeedsClassNames() {
    FeatureMatrix m = new FeatureMatrix(List.of("a"), 4, new double[] {1, 2, 3, 4});
    TrainedModel model = Trainers.find("logistic_regression")
        .train(m, Labels.classification(new dev.slipway.core.StringColumn("y", new String[] {"p", "p", "q", "q"})),
            Map.of("epochs", 2), 1);
    byte[] onnx = model.toOnnx().orElseThrow();
    assertThatThrownBy(() -> new OnnxImport("m.onnx", null, "y", List.of(), List.of()).toBundle(onnx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("pass --classes with 2 comma-separated names");
    assertThatThrownBy(() -> new OnnxImport("m.onnx", null, "y", List.of(), List.of("p", "q", "r")).toBundle(onnx))
        .hasMessageContaining("--classes names 3 class(es) [p, q, r] but the ONNX model outputs 2");
    // one feature: the graph's input name is the feature name
    assertThat(new OnnxImport("m.onnx", null, "y", List.of(), List.of("p", "q")).toBundle(onnx).inputSchema()
        .features()).extracting(f -> f.name()).containsExactly("input");
  }

  @Test
  void anUnsupportedInputLayoutIsDescribed() throws Exception {
    OnnxMl.ModelProto floats = OnnxMl.ModelProto.parseFrom(zipMapClassifier(false));
    OnnxMl.GraphProto.Builder graph = floats.getGraph().toBuilder()
        .setInput(0, value("X64", tensor(OnnxMl.TensorProto.DataType.DOUBLE, -1, 2)));
    graph.addNode(0, OnnxMl.NodeProto.newBuilder().setOpType("Cast").addInput("X64").addOutput("X")
        .addAttribute(ints("to", OnnxMl.TensorProto.DataType.FLOAT.getNumber())));
    byte[] onnx = floats.toBuilder().setGraph(graph).build().toByteArray();
    assertThatThrownBy(() -> new OnnxImport("m.onnx", null, "y", List.of(), List.of()).toBundle(onnx))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("its inputs are not supported")
        .hasMessageContaining("'X64' double [N, 2]")
        .hasMessageContaining("outputs ['output_label' int64 [N], 'output_probability' seq(map(INT64, FLOAT))]")
        .hasMessageContaining("Supported: one float input [N, F]");
  }
}
