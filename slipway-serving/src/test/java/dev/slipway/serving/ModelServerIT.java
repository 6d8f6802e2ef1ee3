package dev.slipway.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP on 127.0.0.1, with a hand-computable logistic model. */
class ModelServerIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-24T10:15:30Z");
  // Independent reference values: 1 / (1 + e^-1) and 1 / (1 + e^1).
  private static final double SIGMOID_1 = 0.7310585786300049;
  private static final double SIGMOID_MINUS_1 = 0.2689414213699951;

  @TempDir Path dir;

  private final HttpClient http = HttpClient.newHttpClient();
  private Path logFile;
  private JsonlPredictionLog log;
  private ModelServer server;

  @BeforeEach
  void start() {
    logFile = dir.resolve("logs/predictions.jsonl");
    log = new JsonlPredictionLog(logFile);
    server = serve(new ServedModel("credit", "3", TestModels.credit()));
  }

  private ModelServer serve(ServedModel model) {
    return ModelServer.start(model, "127.0.0.1", 0, log, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
    log.close();
    http.close();
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  private Reply get(String path) throws Exception {
    return send(HttpRequest.newBuilder(server.baseUri().resolve(path)).GET().build());
  }

  private Reply post(String path, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(server.baseUri().resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private Reply send(HttpRequest request) throws Exception {
    HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    return new Reply(r.statusCode(), JSON.readTree(r.body()), r);
  }

  private static String ages(String id, int... ages) {
    StringBuilder data = new StringBuilder();
    for (int a : ages) {
      data.append(data.isEmpty() ? "" : ",").append(a);
    }
    return "{" + (id == null ? "" : "\"id\":\"" + id + "\",") + "\"inputs\":[{\"name\":\"age\",\"shape\":["
        + ages.length + "],\"datatype\":\"INT64\",\"data\":[" + data + "]}]}";
  }

  @Test
  void healthEndpointsAnswerTrue() throws Exception {
    assertThat(server.port()).isPositive();
    Reply live = get("/v2/health/live");
    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body().toString()).isEqualTo("{\"live\":true}");
    Reply ready = get("/v2/health/ready");
    assertThat(ready.status()).isEqualTo(200);
    assertThat(ready.body().toString()).isEqualTo("{\"ready\":true}");
  }

  @Test
  void serverMetadataNamesSlipway() throws Exception {
    Reply r = get("/v2");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("name").asText()).isEqualTo("slipway");
    assertThat(r.body().get("version").asText()).isNotBlank().doesNotContain("${");
    assertThat(r.body().get("extensions").isArray()).isTrue();
    assertThat(r.body().get("extensions")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/models/credit", "/v2/models/credit/versions/3"})
  void modelMetadataDescribesOneTensorPerFeature(String path) throws Exception {
    Reply r = get(path);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue(ModelServer.VERSION_HEADER)).hasValue("3");
    JsonNode m = r.body();
    assertThat(m.get("name").asText()).isEqualTo("credit");
    assertThat(m.get("versions").toString()).isEqualTo("[\"3\"]");
    assertThat(m.get("platform").asText()).isEqualTo("slipway");
    assertThat(m.get("inputs").toString())
        .isEqualTo(
            "[{\"name\":\"age\",\"datatype\":\"INT64\",\"shape\":[-1]},"
                + "{\"name\":\"income\",\"datatype\":\"FP64\",\"shape\":[-1]},"
                + "{\"name\":\"job\",\"datatype\":\"BYTES\",\"shape\":[-1]}]");
    assertThat(m.get("outputs").toString())
        .isEqualTo(
            "[{\"name\":\"label\",\"datatype\":\"BYTES\",\"shape\":[-1]},"
                + "{\"name\":\"probabilities\",\"datatype\":\"FP64\",\"shape\":[-1,2],"
                + "\"parameters\":{\"classes\":\"bad,good\"}}]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v2/models/credit/ready", "/v2/models/credit/versions/3/ready"})
  void modelReady(String path) throws Exception {
    Reply r = get(path);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("ready").asBoolean()).isTrue();
    assertThat(r.body().get("name").asText()).isEqualTo("credit");
  }

  @Test
  void batchOfThreeRowsGivesShapesNAndNByK() throws Exception {
    String body =
        """
        {"id": "req-1", "inputs": [
          {"name": "age", "shape": [3], "datatype": "INT64", "data": [50, 40, 30]},
          {"name": "income", "shape": [3, 1], "datatype": "FP64", "data": [[0], [0.0], [null]]},
          {"name": "job", "shape": [3], "datatype": "BYTES", "data": ["clerk", "astronaut", null]}]}
        """;
    Reply r = post("/v2/models/credit/infer", body);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.raw().headers().firstValue(ModelServer.VERSION_HEADER)).hasValue("3");
    JsonNode b = r.body();
    assertThat(b.get("model_name").asText()).isEqualTo("credit");
    assertThat(b.get("model_version").asText()).isEqualTo("3");
    assertThat(b.get("id").asText()).isEqualTo("req-1");
    JsonNode label = b.get("outputs").get(0);
    assertThat(label.get("name").asText()).isEqualTo("label");
    assertThat(label.get("datatype").asText()).isEqualTo("BYTES");
    assertThat(label.get("shape").toString()).isEqualTo("[3]");
    // sigmoid(1) > 0.5, sigmoid(0) = 0.5 (ties go to good), sigmoid(-1) < 0.5
    assertThat(label.get("data").toString()).isEqualTo("[\"good\",\"good\",\"bad\"]");
    JsonNode probs = b.get("outputs").get(1);
    assertThat(probs.get("name").asText()).isEqualTo("probabilities");
    assertThat(probs.get("datatype").asText()).isEqualTo("FP64");
    assertThat(probs.get("shape").toString()).isEqualTo("[3,2]");
    assertThat(probs.get("parameters").get("classes").asText()).isEqualTo("bad,good");
    double[] data = JSON.treeToValue(probs.get("data"), double[].class);
    assertThat(data)
        .containsExactly(
            new double[] {SIGMOID_MINUS_1, SIGMOID_1, 0.5, 0.5, SIGMOID_1, SIGMOID_MINUS_1},
            org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void versionedPathGeneratesAnIdWhenNoneIsGiven() throws Exception {
    Reply r = post("/v2/models/credit/versions/3/infer", ages(null, 40));
    assertThat(r.status()).isEqualTo(200);
    assertThat(UUID.fromString(r.body().get("id").asText())).isNotNull();
  }

  @Test
  void requestedOutputsLimitTheResponse() throws Exception {
    String body = ages("r", 40).replace("]}]}", "]}], \"outputs\": [{\"name\": \"probabilities\"}]}");
    Reply r = post("/v2/models/credit/infer", body);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.body().get("outputs")).hasSize(1);
    assertThat(r.body().get("outputs").get(0).get("name").asText()).isEqualTo("probabilities");
  }

  @Test
  void integersForFloatFeaturesAndUnseenCategoriesAreAccepted() throws Exception {
    String body =
        """
        {"inputs": [
          {"name": "age", "shape": [1], "datatype": "FP32", "data": [40]},
          {"name": "income", "shape": [1], "datatype": "INT64", "data": [1000]},
          {"name": "job", "shape": [1], "datatype": "BYTES", "data": ["never-seen"]}]}
        """;
    Reply r = post("/v2/models/credit/infer", body);
    assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    assertThat(r.body().get("outputs").get(1).get("data").get(1).asDouble())
        .isCloseTo(SIGMOID_1, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void regressionModelAnswersValue() throws Exception {
    server.close();
    server = serve(new ServedModel("doubler", "v1", TestModels.doubler()));
    Reply r = post("/v2/models/doubler/infer", ages("r", 1, 20));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body().get("outputs").toString())
        .isEqualTo("[{\"name\":\"value\",\"datatype\":\"FP64\",\"shape\":[2],\"data\":[3.0,41.0]}]");
    assertThat(get("/v2/models/doubler").body().get("outputs").toString())
        .isEqualTo("[{\"name\":\"value\",\"datatype\":\"FP64\",\"shape\":[-1]}]");
  }

  @Test
  void everyPredictedRowIsLoggedWithRequestIdAndVersion() throws Exception {
    assertThat(post("/v2/models/credit/infer", ages("first", 50, 40, 30)).status()).isEqualTo(200);
    assertThat(post("/v2/models/credit/infer", ages("second", 45)).status()).isEqualTo(200);
    assertThat(post("/v2/models/credit/infer", ages("rejected", 45).replace("INT64", "BYTES")).status())
        .isEqualTo(400);
    // Read while the server and log are still open: lines are flushed before the answer.
    List<String> lines = Files.readAllLines(logFile);
    assertThat(lines).hasSize(4);
    for (String line : lines) {
      JsonNode n = JSON.readTree(line);
      assertThat(n.get("version").asText()).isEqualTo("3");
      assertThat(n.get("model").asText()).isEqualTo("credit");
      assertThat(n.get("timestamp").asText()).isEqualTo("2026-11-24T10:15:30Z");
    }
    List<PredictionRecord> records = JsonlPredictionLog.readAll(logFile);
    assertThat(records).extracting(PredictionRecord::requestId)
        .containsExactly("first", "first", "first", "second");
    PredictionRecord first = records.get(0);
    assertThat(first.inputs()).containsEntry("age", 50L).containsEntry("income", null).containsEntry("job", null);
    assertThat(first.outputs()).containsEntry("label", "good");
    assertThat(first.outputs().get("probabilities").toString()).startsWith("{bad=0.2689");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown input      | {"inputs":[{"name":"age","shape":[1],"datatype":"INT64","data":[1]},{"name":"salary","shape":[1],"datatype":"FP64","data":[1]}]} | unknown input 'salary'; the model expects: age, income, job
          missing required   | {"inputs":[{"name":"income","shape":[1],"datatype":"FP64","data":[1]}]}                                                       | missing input 'age'
          BYTES for number   | {"inputs":[{"name":"age","shape":[1],"datatype":"BYTES","data":["41"]}]}                                                      | input 'age' is sent as BYTES
          string in numbers  | {"inputs":[{"name":"age","shape":[2],"datatype":"INT64","data":[41,"abc"]}]}                                                  | input 'age' has the string "abc" at row 1; expected a number
          number for string  | {"inputs":[{"name":"age","shape":[1],"datatype":"INT64","data":[1]},{"name":"job","shape":[1],"datatype":"BYTES","data":[7]}]} | input 'job' has 7 at row 0; expected a string
          batch sizes        | {"inputs":[{"name":"age","shape":[2],"datatype":"INT64","data":[1,2]},{"name":"income","shape":[3],"datatype":"FP64","data":[1,2,3]}]} | inconsistent batch sizes: input 'income' has 3 rows but input 'age' has 2
          shape vs data      | {"inputs":[{"name":"age","shape":[3],"datatype":"INT64","data":[1,2]}]}                                                       | input 'age' has shape [3] but 2 values
          bad shape          | {"inputs":[{"name":"age","shape":[2,2],"datatype":"INT64","data":[1,2,3,4]}]}                                                 | input 'age' has shape [2,2]; expected [N] or [N, 1]
          null for required  | {"inputs":[{"name":"age","shape":[2],"datatype":"INT64","data":[1,null]}]}                                                    | input 'age' has null at row 1, but feature 'age' is required
          unknown datatype   | {"inputs":[{"name":"age","shape":[1],"datatype":"FLOAT","data":[1]}]}                                                         | input 'age' has unsupported datatype 'FLOAT'
          no datatype        | {"inputs":[{"name":"age","shape":[1],"data":[1]}]}                                                                            | input 'age' has no "datatype"
          duplicate input    | {"inputs":[{"name":"age","shape":[1],"datatype":"INT64","data":[1]},{"name":"age","shape":[1],"datatype":"INT64","data":[1]}]} | input 'age' is given twice
          missing inputs     | {"id":"x"}                                                                                                                    | missing "inputs"
          malformed JSON     | {"inputs": [                                                                                                                  | malformed JSON body:
          not an object      | [1,2]                                                                                                                         | malformed JSON body: expected an object
          empty batch        | {"inputs":[{"name":"age","shape":[0],"datatype":"INT64","data":[]}]}                                                          | the request has no rows
          unknown output     | {"inputs":[{"name":"age","shape":[1],"datatype":"INT64","data":[1]}],"outputs":[{"name":"score"}]}                           | unknown output 'score'; the model has: label, probabilities
          """)
  void badRequestsAnswer400NamingTheProblemAndTheServerKeepsServing(
      String title, String body, String message) throws Exception {
    Reply bad = post("/v2/models/credit/infer", body);
    assertThat(bad.status()).as(bad.raw().body()).isEqualTo(400);
    String error = bad.body().get("error").asText();
    assertThat(error).contains(message.strip()).doesNotContain("\n");
    assertThat(bad.body().size()).isEqualTo(1);
    Reply good = post("/v2/models/credit/infer", ages("after", 40));
    assertThat(good.status()).isEqualTo(200);
  }

  @Test
  void unknownModelAndVersionAnswer404() throws Exception {
    Reply model = post("/v2/models/x/infer", ages("r", 40));
    assertThat(model.status()).isEqualTo(404);
    assertThat(model.body().get("error").asText())
        .isEqualTo("model 'x' not found; this server serves 'credit'");
    Reply version = get("/v2/models/credit/versions/9");
    assertThat(version.status()).isEqualTo(404);
    assertThat(version.body().get("error").asText()).contains("no version '9'").contains("'3'");
    assertThat(get("/v2/models/x/ready").status()).isEqualTo(404);
    Reply path = get("/v3/whatever");
    assertThat(path.status()).isEqualTo(404);
    assertThat(path.body().get("error").asText()).contains("/v3/whatever");
  }

  @Test
  void predictorFailureAnswers500AndTheServerKeepsServing() throws Exception {
    String body =
        """
        {"inputs": [
          {"name": "age", "shape": [1], "datatype": "INT64", "data": [40]},
          {"name": "job", "shape": [1], "datatype": "BYTES", "data": ["explode"]}]}
        """;
    Reply failed = post("/v2/models/credit/infer", body);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(failed.body().get("error").asText())
        .contains("model 'credit' version '3' failed")
        .contains("boom at row 0")
        .doesNotContain("\n");
    assertThat(post("/v2/models/credit/infer", ages("ok", 40)).status()).isEqualTo(200);
    assertThat(JsonlPredictionLog.readAll(logFile)).extracting(PredictionRecord::requestId).containsExactly("ok");
  }

  @Test
  void oversizedBodyAnswers413() throws Exception {
    String padding = " ".repeat((int) ModelServer.MAX_REQUEST_BYTES);
    Reply r = post("/v2/models/credit/infer", ages("big", 40) + padding);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body().get("error").asText()).contains("split the batch");
    assertThat(post("/v2/models/credit/infer", ages("after", 40)).status()).isEqualTo(200);
  }

  @Test
  void logFailureAnswers500() throws Exception {
    log.close();
    Reply r = post("/v2/models/credit/infer", ages("r", 40));
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.body().get("error").asText()).contains("prediction log");
  }

  @Test
  void closeReleasesThePort() throws Exception {
    URI uri = server.baseUri().resolve("/v2/health/live");
    server.close();
    server.close();
    assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void busyPortFailsNamingTheAddress() {
    ServedModel model = new ServedModel("credit", "3", TestModels.credit());
    assertThatThrownBy(
            () -> ModelServer.start(model, "127.0.0.1", server.port(), log, Clock.systemUTC()))
        .isInstanceOf(dev.slipway.core.SlipwayException.class)
        .hasMessageContaining("127.0.0.1:" + server.port());
  }
}
