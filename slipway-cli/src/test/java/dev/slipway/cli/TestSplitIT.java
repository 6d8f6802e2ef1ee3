package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split step's optional test output (split version 3) in real pipelines: row counts per split
 * computed here independently — dates compared as text, MD5 from the JDK, class counts of
 * credit_g — and the test split read by a statistics step downstream.
 */
class TestSplitIT {
  private static final Path DATA = Path.of("/work/shared/data");
  @TempDir Path dir;

  private Cli run(String file, String splitParams, String downstreamInput) throws Exception {
    Path source = DATA.resolve(file);
    assumeTrue(Files.exists(source), "skipped: " + source + " is absent (shared data not mounted)");
    Files.copy(source, dir.resolve(file));
    Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: test-split
        steps:
          - name: ingest
            component: ingest
            params: {path: %s}
          - name: split
            component: split
            inputs: {dataset: ingest.snapshot}
            params: %s
          - name: test_statistics
            component: statistics
            inputs: {dataset: %s}
        """.formatted(file, splitParams, downstreamInput));
    return Cli.run(dir.resolve("home"), "run", pipeline.toString());
  }

  private static List<String> dates() throws Exception {
    return Files.readAllLines(DATA.resolve("seattle_weather.csv")).stream().skip(1)
        .map(l -> l.substring(0, l.indexOf(','))).toList();
  }

  @Test
  void timeSplitPutsRowsFromTheSecondCutoffInTest() throws Exception {
    Cli run = run("seattle_weather.csv",
        "{method: time, column: date, eval_from: \"2014-01-01\", test_from: \"2015-01-01\"}", "split.test");
    List<String> dates = dates();
    long train = dates.stream().filter(d -> d.compareTo("2014-01-01") < 0).count();
    long test = dates.stream().filter(d -> d.compareTo("2015-01-01") >= 0).count();
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(test).isEqualTo(365);
    assertThat(run.out())
        .contains(train + " train / " + (dates.size() - train - test) + " eval / " + test + " test rows (time)")
        .contains("test_statistics");
  }

  @Test
  void hashSplitPutsTheNextMd5BandInTest() throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    long eval = 0;
    long test = 0;
    List<String> dates = dates();
    for (String d : dates) {
      String hex = HexFormat.of().formatHex(md5.digest(d.getBytes(StandardCharsets.UTF_8)));
      double u = Long.parseLong(hex.substring(0, 8), 16) / 4294967296.0;
      eval += u < 0.2 ? 1 : 0;
      test += u >= 0.2 && u < 0.35 ? 1 : 0;
    }
    Cli run = run("seattle_weather.csv", "{method: hash, key: date, eval_fraction: 0.2, test_fraction: 0.15}",
        "split.test");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains(
        (dates.size() - eval - test) + " train / " + eval + " eval / " + test + " test rows (hash)");
  }

  @Test
  void randomSplitKeepsClassProportionsInEverySplit() throws Exception {
    // credit_g: 700 good, 300 bad. Held out 30% per class (210 + 90), a third of that to test.
    Cli run = run("credit_g.csv", "{eval_fraction: 0.2, test_fraction: 0.1, stratify_by: class}", "split.test");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("700 train / 200 eval / 100 test rows");
  }

  @Test
  void withoutTestParametersTheSplitWritesNoTestAndWiringItIsAClearError() throws Exception {
    Cli run = run("credit_g.csv", "{eval_fraction: 0.2}", "split.test");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.out()).contains("800 train / 200 eval rows");
    assertThat(run.err()).contains("test_statistics")
        .contains("'split.test', an optional output that step 'split' did not write in this run");
  }

  @Test
  void anEmptyRequestedTestSplitIsAClearError() throws Exception {
    Cli run = run("seattle_weather.csv",
        "{method: time, column: date, eval_from: \"2014-01-01\", test_from: \"2030-01-01\"}", "split.test");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("the test split would be empty; move 'test_from' earlier");
  }
}
