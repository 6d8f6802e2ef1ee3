package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data schema/validate/sample contract: exit codes 0, 1, 2 and what is written. */
class DataCommandsIT {
  @TempDir Path dir;

  private Path[] seasons() throws IOException {
    Path source = Path.of(System.getenv().getOrDefault("SLIPWAY_DATA", "/work/shared/data"), "seattle_weather.csv");
    assumeTrue(Files.isRegularFile(source), "skipped: " + source + " is absent");
    List<String> lines = Files.readAllLines(source);
    Path summer = dir.resolve("summer.csv");
    Path winter = dir.resolve("winter.csv");
    Files.write(summer, lines.stream().filter(l -> l.startsWith("date") || l.matches("^\\d{4}-0[678].*")).toList());
    Files.write(winter, lines.stream().filter(l -> l.startsWith("date") || l.matches("^\\d{4}-(12|01|02).*")).toList());
    return new Path[] {summer, winter};
  }

  @Test
  void schemaThenValidateExitsZeroOnItselfAndOneOnDrift() throws IOException {
    Path[] s = seasons();
    Path schema = dir.resolve("schema.yaml");
    Cli made = Cli.run(dir, "data", "schema", s[0].toString(), "--label", "weather", "--out", schema.toString());
    assertThat(made.exitCode()).as(made.err()).isZero();
    assertThat(Files.readString(schema)).startsWith("version: 1\n").contains("not_in_environment:\n  - SERVING");

    Cli same = Cli.run(dir, "data", "validate", s[0].toString(), "--schema", schema.toString());
    assertThat(same.exitCode()).isZero();
    assertThat(same.out()).contains("no anomalies");

    Path json = dir.resolve("r/report.json");
    Path html = dir.resolve("r/report.html");
    Cli drift = Cli.run(dir, "data", "validate", s[1].toString(), "--schema", schema.toString(),
        "--baseline", s[0].toString(), "--json", json.toString(), "--html", html.toString());
    assertThat(drift.exitCode()).isEqualTo(1);
    assertThat(drift.out()).contains("CLASS_BALANCE_SHIFT", "feature 'temp_max' shows drift");
    assertThat(Files.readString(json)).contains("\"format_version\" : 1", "COMPARATOR_KS_LOW_P_VALUE");
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("<svg", "temp_max").doesNotContain("http://", "https://", "<script");
  }

  @Test
  void unreadableInputsAndUsageErrorsExitTwo() throws IOException {
    Path[] s = seasons();
    Path badSchema = Files.writeString(dir.resolve("bad.yaml"), "features: [ {name: x");
    assertThat(Cli.run(dir, "data", "validate", s[0].toString(), "--schema", badSchema.toString()).exitCode()).isEqualTo(2);
    Cli missing = Cli.run(dir, "data", "validate", dir.resolve("nope.csv").toString(), "--schema", badSchema.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(Cli.run(dir, "data", "validate", s[0].toString()).exitCode()).isEqualTo(2); // no --schema
  }

  @Test
  void sampleWritesRowsAndPrintsSimilarity() throws IOException {
    Path[] s = seasons();
    Path out = dir.resolve("sample.csv");
    Cli run = Cli.run(dir, "data", "sample", s[0].toString(), "--rows", "100", "--seed", "1", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Files.readAllLines(out)).hasSize(101);
    assertThat(run.out()).contains("verdict: ", "temp_max", "KS", "suggested eval/test split: >= ");
    Cli again = Cli.run(dir, "data", "sample", s[0].toString(), "--rows", "100", "--seed", "1", "--out", dir.resolve("b.csv").toString());
    assertThat(Files.readString(dir.resolve("b.csv"))).isEqualTo(Files.readString(out)); // same seed, same rows
  }
}
