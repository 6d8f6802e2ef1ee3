package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.Json;
import dev.slipway.core.StringColumn;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.store.ModelRef;
import dev.slipway.store.ModelVersion;
import dev.slipway.store.Stores;
import dev.slipway.train.Labels;
import dev.slipway.train.TrainedModel;
import dev.slipway.train.Trainers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway models import-onnx}: a logistic regression exported with {@code toOnnx()} is
 * imported through the real command line, served over real HTTP and evaluated, and its predictions
 * equal the Java model's. Bad files register nothing.
 */
class ImportOnnxIT {
  static final List<String> FEATURES = List.of("income", "debt", "age");
  static final int ROWS = 200;

  /** Values on a 1/8 grid so float32 (what ONNX sees) holds them exactly. */
  static FeatureMatrix data() {
    Random random = new Random(5);
    double[] x = new double[ROWS * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.round(random.nextGaussian() * 16) / 8.0;
    }
    return new FeatureMatrix(FEATURES, ROWS, x);
  }

  static String[] labels(FeatureMatrix x) {
    Random random = new Random(6);
    String[] y = new String[x.rows()];
    for (int r = 0; r < x.rows(); r++) {
      double score = 1.5 * x.get(r, 0) - x.get(r, 1) + 0.3 * x.get(r, 2) + random.nextGaussian();
      y[r] = score > 0 ? "good" : "bad";
    }
    return y;
  }

  @Test
  void anExportedLogisticRegressionIsServedAndEvaluatedLikeTheJavaModel(@TempDir Path dir) throws Exception {
    FeatureMatrix x = data();
    String[] y = labels(x);
    TrainedModel java = Trainers.find("logistic_regression")
        .train(x, Labels.classification(new StringColumn("risk", y)), Map.of(), 42);
    Path onnx = dir.resolve("credit.onnx");
    Files.write(onnx, java.toOnnx().orElseThrow());
    Path home = dir.resolve("home");

    Cli imported = Cli.run(home, "models", "import-onnx", onnx.toString(), "--name", "x",
        "--features", String.join(",", FEATURES), "--classes", "bad,good", "--label", "risk");
    assertThat(imported.exitCode()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("registered x:1");

    double[][] expected = java.predictProbabilities(x);
    try (Stores stores = Stores.open(home)) {
      ModelVersion version = ModelRef.parse("x:1").resolve(stores.metadata());
      assertThat(version.tags()).containsEntry("source", "onnx")
          .containsEntry("onnx.sha256", dev.slipway.core.Sha256.hex(onnx));
      ServeCommand.Running running = ServeCommand.start(stores, home, ModelRef.parse("x:1"), "127.0.0.1", 0);
      try {
        HttpClient http = HttpClient.newHttpClient();
        for (int r = 0; r < 20; r++) {
          StringBuilder body = new StringBuilder("{\"inputs\": [");
          for (int c = 0; c < FEATURES.size(); c++) {
            body.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT,
                "{\"name\": \"%s\", \"shape\": [1], \"datatype\": \"FP64\", \"data\": [%s]}",
                FEATURES.get(c), x.get(r, c)));
          }
          body.append("]}");
          HttpResponse<String> response = http.send(
              HttpRequest.newBuilder(URI.create(running.server().baseUri() + "/v2/models/x/infer"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
          assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
          JsonNode probabilities = output(Json.MAPPER.readTree(response.body()), "probabilities");
          assertThat(probabilities.get(0).asDouble()).as("row %d", r).isCloseTo(expected[r][0], within(1e-6));
          assertThat(probabilities.get(1).asDouble()).as("row %d", r).isCloseTo(expected[r][1], within(1e-6));
        }
      } finally {
        running.close();
      }
    }

    Path csv = dir.resolve("eval.csv");
    StringBuilder lines = new StringBuilder(String.join(",", FEATURES) + ",risk\n");
    int correct = 0;
    for (int r = 0; r < ROWS; r++) {
      lines.append(x.get(r, 0)).append(',').append(x.get(r, 1)).append(',').append(x.get(r, 2))
          .append(',').append(y[r]).append('\n');
      String predicted = expected[r][1] > expected[r][0] ? "good" : "bad";
      correct += predicted.equals(y[r]) ? 1 : 0;
    }
    Files.writeString(csv, lines);
    Path report = dir.resolve("report.json");
    Cli eval = Cli.run(home, "evaluate", "x:1", "--data", csv.toString(), "--json", report.toString());
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("evaluated x:1 on " + ROWS + " rows");
    assertThat(Json.MAPPER.readTree(report.toFile()).path("metrics").path("accuracy").asDouble())
        .isCloseTo(correct / (double) ROWS, within(1e-12));
  }

  private static JsonNode output(JsonNode response, String name) {
    for (JsonNode o : response.get("outputs")) {
      if (o.get("name").asText().equals(name)) {
        return o.get("data");
      }
    }
    throw new AssertionError("no output " + name + " in " + response);
  }

  @Test
  void aTextFileRenamedOnnxIsRefusedAndNothingIsRegistered(@TempDir Path dir) throws Exception {
    Path fake = dir.resolve("model.onnx");
    Files.writeString(fake, "this is not a model\n");
    Path home = dir.resolve("home");
    Cli result = Cli.run(home, "models", "import-onnx", fake.toString(), "--name", "x", "--features", "a");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err().strip()).startsWith("error: not a readable ONNX model").doesNotContain("\n");
    assertThat(Cli.run(home, "models", "list").out()).contains("no models registered yet");
  }

  @Test
  void aWrongFeatureCountNamesBothCountsAndRegistersNothing(@TempDir Path dir) throws Exception {
    FeatureMatrix x = data();
    TrainedModel java = Trainers.find("logistic_regression")
        .train(x, Labels.classification(new StringColumn("risk", labels(x))), Map.of("epochs", 5), 42);
    Path onnx = dir.resolve("lr.onnx");
    Files.write(onnx, java.toOnnx().orElseThrow());
    Path home = dir.resolve("home");

    Cli twoNames = Cli.run(home, "models", "import-onnx", onnx.toString(), "--name", "x", "--features", "a,b");
    assertThat(twoNames.exitCode()).isEqualTo(1);
    assertThat(twoNames.err()).contains("--features names 2 feature(s) [a, b]").contains("takes 3");

    Cli noNames = Cli.run(home, "models", "import-onnx", onnx.toString(), "--name", "x");
    assertThat(noNames.exitCode()).isEqualTo(1);
    assertThat(noNames.err()).contains("pass --features with 3 comma-separated names");

    Cli noName = Cli.run(home, "models", "import-onnx", onnx.toString());
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(Cli.run(home, "models", "list").out()).contains("no models registered yet");
  }
}
