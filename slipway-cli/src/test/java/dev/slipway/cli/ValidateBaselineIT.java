package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate step against a baseline in a real pipeline: credit_g with 200 'good' applicants
 * relabelled 'bad' (70/30 becomes 50/50) must stop the pipeline with drift on 'class' (L-infinity
 * 0.2000 = |0.70 - 0.50|, computed by hand), whether the baseline is the training split or its
 * statistics, and go on with {@code on_anomalies: warn}. Unless the schema step is told the label,
 * the label is just another categorical column: COMPARATOR_L_INFTY_HIGH, not CLASS_BALANCE_SHIFT.
 */
class ValidateBaselineIT {
  @TempDir Path dir;

  @BeforeEach
  void data() throws Exception {
    Path credit = Path.of("..", "examples", "credit", "credit_g.csv");
    Files.copy(credit, dir.resolve("credit_g.csv"));
    List<String> lines = Files.readAllLines(credit);
    List<String> relabelled = new ArrayList<>(List.of(lines.get(0)));
    int changed = 0;
    for (String line : lines.subList(1, lines.size())) {
      if (changed < 200 && line.endsWith(",good")) {
        line = line.substring(0, line.length() - "good".length()) + "bad";
        changed++;
      }
      relabelled.add(line);
    }
    assertThat(changed).isEqualTo(200);
    Files.write(dir.resolve("relabelled.csv"), relabelled);
  }

  private Cli run(String dataset, String baseline, String mode) throws Exception {
    return run(dataset, baseline, mode, "{}");
  }

  private Cli run(String dataset, String baseline, String mode, String schemaParams) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: credit_validation
        steps:
          - name: ingest
            component: ingest
            params: {path: credit_g.csv, label: class}
          - name: split
            component: split
            inputs: {dataset: ingest.snapshot}
            params: {eval_fraction: 0.2, seed: 42, stratify_by: class}
          - name: train_statistics
            component: statistics
            inputs: {dataset: split.train}
          - name: schema
            component: schema
            inputs: {dataset: split.train}
            params: %s
          - name: new_data
            component: ingest
            params: {path: relabelled.csv, label: class}
          - name: validate
            component: validate
            inputs: {dataset: %s, schema: schema.schema, baseline: %s}
            params: {on_anomalies: %s}
        """.formatted(schemaParams, dataset, baseline, mode));
    return Cli.run(dir.resolve("home"), "run", pipeline.toString());
  }

  @Test
  void labelDriftAgainstTheTrainingSplitStopsThePipeline() throws Exception {
    Cli run = run("new_data.snapshot", "split.train", "fail");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).contains("step 'validate' failed")
        .contains("COMPARATOR_L_INFTY_HIGH: feature 'class' shows drift: L-infinity distance 0.2000")
        .contains("COMPARATOR_CHI_SQUARED_LOW_P_VALUE: feature 'class'");
    assertThat(run.out()).doesNotContainPattern("validate +ran").doesNotContain("succeeded");
  }

  @Test
  void aSchemaThatKnowsTheLabelCallsItAClassBalanceShift() throws Exception {
    Cli run = run("new_data.snapshot", "split.train", "fail", "{label: class}");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    // 700/300 -> 500/500: L-infinity 0.2000 between the label's class frequencies
    assertThat(run.err()).contains("CLASS_BALANCE_SHIFT: class balance of label 'class' shifted")
        .contains("L-infinity 0.2000");
  }

  @Test
  void statisticsServeAsTheBaselineToo() throws Exception {
    Cli run = run("new_data.snapshot", "train_statistics.statistics", "fail");
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err()).contains("COMPARATOR_L_INFTY_HIGH: feature 'class' shows drift: L-infinity distance 0.2000");
  }

  @Test
  void warnRecordsTheAnomaliesAndGoesOn() throws Exception {
    Cli run = run("new_data.snapshot", "split.train", "warn");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("validate +ran .* anomalies \\(warn\\)");
  }

  @Test
  void theHeldOutSplitDoesNotDriftFromTheTrainingSplit() throws Exception {
    Cli run = run("split.eval", "split.train", "fail");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("no anomalies");
  }
}
