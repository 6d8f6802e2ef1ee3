package dev.slipway.train;

import ai.onnx.proto.OnnxMl;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.slipway.core.InvalidInputException;
import java.util.Optional;

/**
 * A bundle's model as ONNX, ready for another runtime: {@link TrainedModel#toOnnx()}, plus the
 * inverse of the bundle's {@link LabelTransform} appended to the graph ({@code Pow(e, x)}, then
 * {@code - 1} for {@code log1p}), so that the graph's {@code output} is on the label's own scale
 * as {@link ModelBundle#predict} is. The input is still the transformed feature matrix.
 */
public final class OnnxExport {
  private OnnxExport() {}

  /** The graph, or empty when the bundle's trainer cannot export. */
  public static Optional<byte[]> of(ModelBundle bundle) {
    Optional<byte[]> model = bundle.model().toOnnx();
    if (model.isEmpty() || bundle.labelTransform().isEmpty()) {
      return model;
    }
    return Optional.of(withInverse(model.get(), bundle.labelTransform().get()));
  }

  private static byte[] withInverse(byte[] onnx, LabelTransform transform) {
    OnnxMl.ModelProto model;
    try {
      model = OnnxMl.ModelProto.parseFrom(onnx);
    } catch (InvalidProtocolBufferException e) {
      throw new InvalidInputException("the exported model is not a readable ONNX graph", e);
    }
    OnnxMl.GraphProto.Builder graph = model.getGraph().toBuilder();
    String raw = "slipway_model_output";
    for (OnnxMl.NodeProto.Builder node : graph.getNodeBuilderList()) {
      for (int i = 0; i < node.getOutputCount(); i++) {
        if (node.getOutput(i).equals("output")) {
          node.setOutput(i, raw);
        }
      }
    }
    graph.addInitializer(scalar("slipway_e", (float) Math.E));
    String exp = transform == LabelTransform.LOG ? "output" : "slipway_exp";
    graph.addNode(node("Pow", "slipway_inverse_" + transform.id(), exp, "slipway_e", raw));
    if (transform == LabelTransform.LOG1P) {
      graph.addInitializer(scalar("slipway_one", 1f));
      graph.addNode(node("Sub", "slipway_minus_one", "output", exp, "slipway_one"));
    }
    return model.toBuilder().setGraph(graph).build().toByteArray();
  }

  private static OnnxMl.TensorProto scalar(String name, float value) {
    return OnnxMl.TensorProto.newBuilder()
        .setName(name)
        .setDataType(OnnxMl.TensorProto.DataType.FLOAT.getNumber())
        .addFloatData(value)
        .build();
  }

  private static OnnxMl.NodeProto node(String op, String name, String output, String... inputs) {
    OnnxMl.NodeProto.Builder node = OnnxMl.NodeProto.newBuilder().setOpType(op).setName(name);
    for (String input : inputs) {
      node.addInput(input);
    }
    return node.addOutput(output).build();
  }
}
