package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evaluation, slices and validation gates through the real command line on the credit example:
 * {@code slipway evaluate} reports slices on personal_status and foreign_worker, and the
 * example's change threshold against {@code credit@production} makes the register step refuse a
 * deliberately weak candidate with a readable reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluateCreditIT {
  Path dir;
  Path home;
  Path pipeline;
  Path csv;

  @BeforeAll
  void setUp(@TempDir Path dir) throws Exception {
    this.dir = dir;
    home = dir.resolve("home");
    pipeline = Cli.copyExample(Files.createDirectory(dir.resolve("credit")));
    csv = pipeline.resolveSibling("credit_g.csv");
  }

  @Test
  @Order(1)
  void firstRunIsBlessedWithoutABaselineAndRegisters() {
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(CreditPipelineIT.line(run.out(), "evaluate")).contains("6 slices, blessed");
    assertThat(run.out()).contains("model      credit:1");
  }

  @Test
  @Order(2)
  void evaluateReportsSlicesWithCountsAsJsonAndHtml() throws Exception {
    Path json = dir.resolve("reports/credit.json");
    Path html = dir.resolve("reports/credit.html");
    Cli eval = Cli.run(home, "evaluate", "credit:1", "--data", csv.toString(),
        "--slice", "personal_status", "--slice", "foreign_worker", "--json", json.toString(), "--html", html.toString());
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(eval.out()).contains("evaluated credit:1 on 1000 rows").contains("foreign_worker=no");
    JsonNode report = Json.MAPPER.readTree(json.toFile());
    assertThat(report.path("metrics").path("roc_auc").asDouble()).isBetween(0.5, 1.0);
    // group sizes of the whole file, counted independently with Python's collections.Counter
    assertThat(report.path("slices").path("foreign_worker=no").path("count").asInt()).isEqualTo(37);
    assertThat(report.path("slices").path("foreign_worker=yes").path("count").asInt()).isEqualTo(963);
    assertThat(report.path("slices").path("personal_status=male single").path("count").asInt()).isEqualTo(548);
    assertThat(report.path("slices").path("personal_status=female div/dep/mar").path("metrics").has("roc_auc")).isTrue();
    assertThat(report.path("fairness_gaps").path("personal_status").path("fpr").has("gap")).isTrue();
    String page = Files.readString(html);
    assertThat(page).contains("<svg").contains("Confusion matrix").contains("foreign_worker=no")
        .doesNotContain("http://", "https://", "<script");
  }

  @Test
  @Order(2)
  void whatIfPredictsARowWithOneFeatureChanged() {
    // data row 1 is the applicant of examples/credit/applicant.json (duration 48, class bad)
    Cli eval = Cli.run(home, "evaluate", "credit:1", "--data", csv.toString(),
        "--what-if", "1:duration=6", "--what-if", "1:purpose=");
    assertThat(eval.exitCode()).as(eval.err()).isZero();
    assertThat(eval.out())
        .containsPattern("what-if    duration: 48 -> 6: (good|bad) \\[0\\.\\d{4}, 0\\.\\d{4}\\] -> (good|bad) \\[")
        .contains("what-if    purpose: radio/tv -> (missing): ");
    Cli unknown = Cli.run(home, "evaluate", "credit:1", "--data", csv.toString(), "--what-if", "1:salary=3");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err()).startsWith("error: 'salary' is not an input of the model; its inputs are checking_status");
  }

  @Test
  @Order(3)
  void muchWeakerCandidateIsRefusedByTheChangeThresholdAgainstProduction() throws Exception {
    assertThat(Cli.run(home, "models", "promote", "credit", "1", "--alias", "production").exitCode()).isZero();
    String yaml = Files.readString(pipeline);
    Files.writeString(pipeline, yaml.replace(
        "trainer: xgboost          # or logistic_regression",
        "trainer: xgboost\n      hyperparameters: {num_round: 1, max_depth: 1}"));
    Cli run = Cli.run(home, "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err())
        .contains("error: step 'register' failed: the model is not blessed, so it is not registered: ")
        .containsPattern("roc_auc \\(overall\\) is 0\\.\\d{4} against 0\\.\\d{4} for the baseline credit:1: "
            + "a change of -0\\.\\d{4}, below the allowed absolute change -0\\.0200 \\(higher is better\\)");
    assertThat(Cli.run(home, "models", "list").out()).containsPattern("credit\\s+1\\s+1\\s+production=1");
  }

  @Test
  @Order(4)
  void badEvaluationInputGetsOneClearLine() throws Exception {
    Cli unknown = Cli.run(home, "evaluate", "credit:1", "--data", csv.toString(), "--slice", "nationality");
    assertThat(unknown.exitCode()).isEqualTo(1);
    assertThat(unknown.err().strip()).startsWith(
        "error: slice column 'nationality' is not in the evaluation data; the columns are checking_status,");

    List<String> lines = Files.readAllLines(csv);
    List<String> goodOnly = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1).filter(l -> l.endsWith(",good")).forEach(goodOnly::add);
    Path single = Files.write(dir.resolve("good_only.csv"), goodOnly);
    Cli oneClass = Cli.run(home, "evaluate", "credit:1", "--data", single.toString());
    assertThat(oneClass.exitCode()).isEqualTo(1);
    assertThat(oneClass.err().strip()).startsWith(
        "error: label column 'class' holds a single class ('good') in the 700 evaluation rows;");

    List<String> noLabel = new ArrayList<>(lines);
    noLabel.set(5, noLabel.get(5).substring(0, noLabel.get(5).lastIndexOf(',') + 1));
    Path missing = Files.write(dir.resolve("missing_label.csv"), noLabel);
    Cli nan = Cli.run(home, "evaluate", "credit:1", "--data", missing.toString());
    assertThat(nan.exitCode()).isEqualTo(1);
    assertThat(nan.err().strip()).isEqualTo("error: label column 'class' is missing at row 4; every row needs a label");
  }
}
