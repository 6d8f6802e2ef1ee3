package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.store.Stores;
import dev.slipway.train.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway models export-onnx}: the file onnxruntime reads gives the registered model's
 * probabilities on its transformed features; a model whose trainer cannot export is refused.
 */
class ExportOnnxIT {
  @TempDir Path dir;

  @Test
  void aLogisticRegressionExportsAndOnnxRuntimeAgreesWithTheModel() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.writeString(pipeline, Files.readString(pipeline).replace("trainer: xgboost", "trainer: logistic_regression"));
    Path home = dir.resolve("home");
    assertThat(Cli.run(home, "run", pipeline.toString()).exitCode()).isZero();

    Path onnx = dir.resolve("out/credit.onnx");
    Cli export = Cli.run(home, "models", "export-onnx", "credit:1", "--out", onnx.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    assertThat(export.out())
        .contains("wrote " + onnx + " (credit:1, trainer logistic_regression)")
        .contains("  output  'output' float [N, 2]: probabilities of bad, good");

    ModelBundle bundle;
    try (Stores stores = Stores.open(home)) {
      var version = stores.metadata().version("credit", 1).orElseThrow();
      bundle = ModelBundle.read(stores.artifacts().path(
          stores.metadata().artifact(version.artifactId()).orElseThrow().digest()));
    }
    Table rows = CsvReader.read(dir.resolve("credit_g.csv"));
    FeatureMatrix x = bundle.transform().apply(rows);
    assertThat(export.out()).contains("in this order: " + String.join(", ", x.names()));
    double[][] expected = bundle.model().predictProbabilities(x);
    float[][] input = new float[x.rows()][x.cols()];
    for (int r = 0; r < x.rows(); r++) {
      for (int c = 0; c < x.cols(); c++) {
        input[r][c] = (float) x.get(r, c);
      }
    }
    OrtEnvironment env = OrtEnvironment.getEnvironment();
    try (OrtSession session = env.createSession(Files.readAllBytes(onnx));
        OnnxTensor tensor = OnnxTensor.createTensor(env, input);
        OrtSession.Result result = session.run(Map.of("input", tensor))) {
      float[][] actual = (float[][]) result.get(0).getValue();
      for (int r = 0; r < expected.length; r++) {
        assertThat(actual[r][0]).as("row " + r).isCloseTo((float) expected[r][0], within(1e-5f));
        assertThat(actual[r][1]).as("row " + r).isCloseTo((float) expected[r][1], within(1e-5f));
      }
    }
  }

  @Test
  void aBoosterIsRefusedNamingTheTrainersThatCanExport() throws Exception {
    Path home = dir.resolve("home");
    assertThat(Cli.run(home, "run", Cli.copyExample(dir).toString()).exitCode()).isZero();
    Cli export = Cli.run(home, "models", "export-onnx", "credit:1", "--out", dir.resolve("x.onnx").toString());
    assertThat(export.exitCode()).isEqualTo(1);
    assertThat(export.err().strip()).isEqualTo(
        "error: model credit:1 (trainer 'xgboost') cannot be exported to ONNX; the trainers that"
            + " can: linear_regression, logistic_regression");
    assertThat(dir.resolve("x.onnx")).doesNotExist();
  }
}
