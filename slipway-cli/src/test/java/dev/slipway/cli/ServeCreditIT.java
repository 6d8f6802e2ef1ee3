package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.Json;
import dev.slipway.store.ModelRef;
import dev.slipway.store.Stores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registered credit model served over real HTTP: the quickstart's request scores, bad
 * requests get a 4xx naming the problem, and the server keeps serving afterwards.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServeCreditIT {
  Path dir;
  Stores stores;
  ServeCommand.Running running;
  String applicant;
  final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  void trainAndServe(@TempDir Path dir) throws Exception {
    this.dir = dir;
    Path home = dir.resolve("home");
    Path pipeline = Cli.copyExample(Files.createDirectory(dir.resolve("credit")));
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Cli.run(home, "models", "promote", "credit", "1", "--alias", "production").exitCode()).isZero();
    stores = Stores.open(home);
    running = ServeCommand.start(stores, home, ModelRef.parse("credit@production"), "127.0.0.1", 0);
    applicant = Files.readString(pipeline.resolveSibling("applicant.json"));
  }

  @AfterAll
  void stop() {
    running.close();
    stores.close();
  }

  HttpResponse<String> post(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(running.server().baseUri() + "/v2/models/credit/infer"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theQuickstartApplicantGetsAPredictionWithTheModelVersion() throws Exception {
    HttpResponse<String> response = post(applicant);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode body = Json.MAPPER.readTree(response.body());
    assertThat(body.get("model_name").asText()).isEqualTo("credit");
    assertThat(body.get("model_version").asText()).isEqualTo("1");
    assertThat(body.get("id").asText()).isEqualTo("applicant-2");
    JsonNode label = body.get("outputs").get(0);
    assertThat(label.get("data").get(0).asText()).isIn("good", "bad");
    List<String> log = Files.readAllLines(running.logFile());
    assertThat(log).anyMatch(l -> l.contains("applicant-2") && l.contains("\"version\":\"1\""));
  }

  @Test
  void badRequestsAreRejectedWithAReasonAndTheServerKeepsServing() throws Exception {
    HttpResponse<String> unknown = post(applicant.replace("\"name\": \"age\"", "\"name\": \"agee\""));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("agee");

    HttpResponse<String> text = post(applicant.replace("\"data\": [22]", "\"data\": [\"twenty-two\"]"));
    assertThat(text.statusCode()).isEqualTo(400);
    assertThat(text.body()).contains("age");

    HttpResponse<String> malformed = post("{\"inputs\": [");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(malformed.body()).contains("malformed JSON");

    HttpResponse<String> again = post(applicant);
    assertThat(again.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownModelNameIs404() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(running.server().baseUri() + "/v2/models/kredit/infer"))
                .POST(HttpRequest.BodyPublishers.ofString(applicant))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.body()).contains("kredit");
  }
}
