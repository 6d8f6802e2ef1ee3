package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.slipway.core.NumericColumn;
import dev.slipway.features.FeatureMatrix;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** ONNX export of the linear models, run through onnxruntime and compared with the Java model. */
class OnnxExportTest {

  private static float[][] run(byte[] onnx, FeatureMatrix x) throws OrtException {
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
      options.setIntraOpNumThreads(1);
      try (OrtSession session = env.createSession(onnx, options);
          OnnxTensor input =
              OnnxTensor.createTensor(
                  env, FloatBuffer.wrap(x.toFloats()), new long[] {x.rows(), x.cols()});
          OrtSession.Result result = session.run(Map.of("input", input))) {
        assertThat(session.getInputNames()).containsExactly("input");
        return (float[][]) result.get("output").orElseThrow().getValue();
      }
    }
  }

  @Test
  void logisticRegressionOnnxMatchesJavaOnEveryCreditGEvalRow() throws OrtException {
    CreditGFixture data = CreditGFixture.load();
    TrainedModel model =
        Trainers.find("logistic_regression").train(data.xTrain(), data.yTrain(), Map.of(), 42);
    double[][] java = model.predictProbabilities(data.xEval());
    // the float32 inputs are what ONNX sees; compare against Java on the same rounded inputs
    FeatureMatrix rounded = rounded(data.xEval());
    double[][] javaRounded = model.predictProbabilities(rounded);
    float[][] onnx = run(model.toOnnx().orElseThrow(), data.xEval());
    assertThat(onnx).hasNumberOfRows(java.length);
    for (int r = 0; r < java.length; r++) {
      for (int c = 0; c < 2; c++) {
        assertThat((double) onnx[r][c]).as("row %d class %d", r, c)
            .isCloseTo(javaRounded[r][c], within(1e-6));
        assertThat(javaRounded[r][c]).isCloseTo(java[r][c], within(1e-5));
      }
    }
  }

  @Test
  void linearRegressionOnnxMatchesJava() throws OrtException {
    Random random = new Random(3);
    int n = 200;
    double[] x = new double[n * 2];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = random.nextGaussian();
      x[2 * i + 1] = random.nextGaussian();
      t[i] = 2 * x[2 * i] - x[2 * i + 1] + 0.5;
    }
    FeatureMatrix m = new FeatureMatrix(List.of("a", "b"), n, x);
    TrainedModel model =
        Trainers.find("linear_regression")
            .train(m, Labels.regression(new NumericColumn("t", t)), Map.of(), 1);
    double[] java = model.predictValues(rounded(m));
    float[][] onnx = run(model.toOnnx().orElseThrow(), m);
    for (int r = 0; r < n; r++) {
      assertThat((double) onnx[r][0]).isCloseTo(java[r], within(1e-5 * Math.max(1, Math.abs(java[r]))));
    }
  }

  @Test
  void aBundlesLabelTransformIsUndoneInsideTheExportedGraph() throws OrtException {
    // credit_g's credit_amount (250 to 18 424) learnt as its log by a linear regression
    CreditGFixture credit = CreditGFixture.load();
    String label = "credit_amount";
    List<String> features =
        CreditG.features(credit.train()).stream().filter(c -> !c.equals(label)).toList();
    dev.slipway.features.TransformGraph transform = dev.slipway.features.TransformGraph.fit(
        credit.train(), features, dev.slipway.features.TransformOptions.defaults());
    dev.slipway.core.Schema inputs = new dev.slipway.core.Schema(
        credit.inputSchema().features().stream().filter(f -> !f.name().equals(label)).toList());
    Labels amounts = Labels.regression(credit.train().column(label));
    FeatureMatrix eval = transform.apply(credit.eval());
    for (LabelTransform t : LabelTransform.values()) {
      Trainer trainer = Trainers.find("linear_regression");
      TrainedModel model = trainer.train(transform.apply(credit.train()), t.apply(amounts, label), Map.of(), 1);
      ModelBundle bundle = ModelBundle.create(dev.slipway.core.Task.REGRESSION, label, List.of(), inputs,
              transform, model, Provenance.of(trainer, Map.of(), 1, Map.of()))
          .withLabelTransform(t);
      double[] expected = bundle.predict(credit.eval().without(label)).values();
      float[][] onnx = run(OnnxExport.of(bundle).orElseThrow(), eval);
      for (int r = 0; r < expected.length; r++) {
        assertThat((double) onnx[r][0]).as("%s row %d", t.id(), r)
            .isCloseTo(expected[r], within(1e-4 * Math.abs(expected[r])));
      }
    }
  }

  @Test
  void treeModelsDoNotExport() {
    FeatureMatrix m = new FeatureMatrix(List.of("a"), 4, new double[] {1, 2, 3, 4});
    TrainedModel tree =
        Trainers.find("cart")
            .train(m, Labels.regression(new NumericColumn("t", new double[] {1, 2, 3, 4})),
                Map.of("min_child_weight", 1), 1);
    assertThat(tree.toOnnx()).isEmpty();
  }

  private static FeatureMatrix rounded(FeatureMatrix x) {
    double[] v = new double[x.values().length];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) x.values()[i];
    }
    return new FeatureMatrix(x.names(), x.rows(), v);
  }
}
