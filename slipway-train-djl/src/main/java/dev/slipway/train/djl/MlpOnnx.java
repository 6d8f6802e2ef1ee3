package dev.slipway.train.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.util.Pair;
import ai.onnx.proto.OnnxMl;
import dev.slipway.core.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.util.onnx.ONNXContext;
import org.tribuo.util.onnx.ONNXInitializer;
import org.tribuo.util.onnx.ONNXOperators;
import org.tribuo.util.onnx.ONNXRef;

/**
 * An MLP as an ONNX graph, written with Tribuo's ONNX builder (already Slipway's for linear
 * models): {@code Gemm} per layer, ReLU as {@code Where(Greater(x, 0), x, 0)} (the builder has no
 * Relu operator), then {@code Softmax} for class probabilities or the target's scale and mean for
 * values. Input {@code input} float [N, features], output {@code output} float [N, classes] or
 * [N, 1], as {@link dev.slipway.train.TrainedModel#toOnnx()} promises.
 */
final class MlpOnnx {
  private MlpOnnx() {}

  /** The graph of {@code network} (call inside {@link Torch#run}: it reads the parameters). */
  static byte[] export(MlpModel.Header header, SequentialBlock network) {
    ONNXContext context = new ONNXContext();
    context.setName("slipway-mlp");
    ONNXRef<?> x = context.floatInput("input", header.features());
    ONNXInitializer zero = context.constant("zero", 0f);
    List<Pair<String, Parameter>> parameters = new ArrayList<>();
    network.getParameters().forEach(parameters::add);
    int layers = parameters.size() / 2; // Linear: weight then bias
    for (int layer = 0; layer < layers; layer++) {
      NDArray weight = parameters.get(2 * layer).getValue().getArray();
      NDArray bias = parameters.get(2 * layer + 1).getValue().getArray();
      float[] w = weight.toFloatArray();
      long[] shape = weight.getShape().getShape(); // [units, inputs]
      ONNXInitializer weights =
          context.floatTensor("w" + layer, List.of((int) shape[0], (int) shape[1]), b -> b.put(w));
      ONNXInitializer biases = context.array("b" + layer, bias.toFloatArray());
      x = context.operation(
          ONNXOperators.GEMM, List.<ONNXRef<?>>of(x, weights, biases), "layer" + layer,
          Map.<String, Object>of("transB", 1));
      if (layer < layers - 1) {
        x = x.apply(ONNXOperators.GREATER, zero).apply(ONNXOperators.WHERE, List.<ONNXRef<?>>of(x, zero));
      }
    }
    ONNXRef<?> out =
        header.task() == Task.CLASSIFICATION
            ? x.apply(ONNXOperators.SOFTMAX, Map.<String, Object>of("axis", 1))
            : x.apply(ONNXOperators.MUL, context.constant("target_std", (float) header.targetStd()))
                .apply(ONNXOperators.ADD, context.constant("target_mean", (float) header.targetMean()));
    out.assignTo(context.floatOutput("output", header.outputs()));
    return OnnxMl.ModelProto.newBuilder()
        .setGraph(context.buildGraph())
        .setProducerName("Slipway")
        .setDomain("dev.slipway")
        .setIrVersion(6)
        .addOpsetImport(ONNXOperators.getOpsetProto())
        .build()
        .toByteArray();
  }
}
