package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The split step's hash and time methods in a real pipeline on seattle_weather.csv, with the
 * row counts computed here from the file (dates compared as text, MD5 from the JDK), and the
 * Parquet splits read by the statistics and schema steps downstream.
 */
class SplitMethodsIT {
  private static final Path WEATHER = Path.of("/work/shared/data/seattle_weather.csv");
  @TempDir Path dir;
  List<String> dates;

  @BeforeEach
  void copyData() throws Exception {
    assumeTrue(Files.exists(WEATHER), "skipped: " + WEATHER + " is absent (shared data not mounted)");
    Files.copy(WEATHER, dir.resolve("seattle_weather.csv"));
    dates = Files.readAllLines(WEATHER).stream().skip(1).map(l -> l.substring(0, l.indexOf(','))).toList();
  }

  private Cli run(String splitParams) throws Exception {
    Path pipeline = Files.writeString(dir.resolve("pipeline.yaml"), """
        name: weather
        steps:
          - name: ingest
            component: ingest
            params: {path: seattle_weather.csv}
          - name: split
            component: split
            inputs: {dataset: ingest.snapshot}
            params: %s
          - name: eval_statistics
            component: statistics
            inputs: {dataset: split.eval}
          - name: schema
            component: schema
            inputs: {dataset: split.train}
        """.formatted(splitParams));
    return Cli.run(dir.resolve("home"), "run", pipeline.toString());
  }

  @Test
  void timeSplitPutsRowsBeforeTheCutoffInTrain() throws Exception {
    long train = dates.stream().filter(d -> d.compareTo("2015-01-01") < 0).count();
    Cli run = run("{method: time, column: date, eval_from: \"2015-01-01\"}");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(train).isEqualTo(1096); // 2012 (leap), 2013, 2014
    assertThat(run.out()).contains(train + " train / " + (dates.size() - train) + " eval rows (time)")
        .contains("eval_statistics").contains("6 features");
  }

  @Test
  void hashSplitFollowsMd5OfTheKey() throws Exception {
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    long eval = 0;
    for (String d : dates) {
      String hex = HexFormat.of().formatHex(md5.digest(d.getBytes(StandardCharsets.UTF_8)));
      eval += Long.parseLong(hex.substring(0, 8), 16) / 4294967296.0 < 0.25 ? 1 : 0;
    }
    Cli run = run("{method: hash, key: date, eval_fraction: 0.25}");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains((dates.size() - eval) + " train / " + eval + " eval rows (hash)");
  }

  @Test
  void unknownMethodOrMissingColumnIsAClearError() throws Exception {
    Cli bad = run("{method: stratified}");
    assertThat(bad.exitCode()).isNotZero();
    assertThat(bad.err()).contains("parameter 'method' is 'stratified'; expected random, hash or time");
    Cli missing = run("{method: time, column: when, eval_from: \"2015-01-01\"}");
    assertThat(missing.exitCode()).isNotZero();
    assertThat(missing.err()).contains("no column 'when'");
  }
}
