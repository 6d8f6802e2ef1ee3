package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input through the real command line: one clear line on stderr, a non-zero exit. */
class BadInputIT {
  @TempDir Path dir;

  @Test
  void missingPipelineFile() {
    Cli run = Cli.run(dir.resolve("home"), "run", dir.resolve("nope.yaml").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().strip()).isEqualTo("error: pipeline file not found: " + dir.resolve("nope.yaml"));
  }

  @Test
  void missingDataFileNamesTheFile() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.delete(dir.resolve("credit_g.csv"));
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("file not found").contains("credit_g.csv");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void raggedRowNamesTheRow() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Path csv = dir.resolve("credit_g.csv");
    var lines = new java.util.ArrayList<>(Files.readAllLines(csv));
    lines.set(17, lines.get(17) + ",surplus");
    Files.write(csv, lines);
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("row 17").contains("credit_g.csv");
    assertThat(run.err().strip().lines()).hasSize(1);
  }

  @Test
  void unknownComponentListsTheKnownOnes() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    Files.writeString(pipeline, Files.readString(pipeline).replace("component: schema", "component: schemer"));
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("unknown component 'schemer'").contains("statistics");
  }

  @Test
  void anomaliesInNewDataStopThePipelineWithAReport() throws Exception {
    Path pipeline = Cli.copyExample(dir);
    List<String> rows = Files.readAllLines(dir.resolve("credit_g.csv")).subList(0, 6);
    List<String> drifted = new java.util.ArrayList<>(List.of(rows.get(0)));
    rows.subList(1, 6).forEach(r -> drifted.add(r.replace("radio/tv", "crypto").replace("education", "crypto")));
    Files.write(dir.resolve("new_applicants.csv"), drifted);
    Files.writeString(
        pipeline,
        Files.readString(pipeline)
            .replace("inputs: {dataset: split.eval, schema: schema.schema}",
                "inputs: {dataset: new_data.snapshot, schema: schema.schema}")
            .replace("  - name: validate",
                "  - name: new_data\n    component: ingest\n    params: {path: new_applicants.csv}\n\n  - name: validate"));
    Cli run = Cli.run(dir.resolve("home"), "run", pipeline.toString());
    assertThat(run.exitCode()).as(run.out()).isEqualTo(1);
    assertThat(run.err())
        .contains("step 'validate' failed")
        .contains("ENUM_TYPE_UNEXPECTED_STRING_VALUES")
        .contains("crypto");
    assertThat(run.out()).doesNotContain("] train ");
  }
}
