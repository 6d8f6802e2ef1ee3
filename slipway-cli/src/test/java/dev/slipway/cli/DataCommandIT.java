package dev.slipway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Sha256;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code slipway data ...} through the real command line, bad input included. */
class DataCommandIT {
  @TempDir Path dir;

  private Path home() {
    return dir.resolve("home");
  }

  @Test
  void ingestPrintsTheSnapshotDigestAndListShowStatsFindIt() throws Exception {
    Path csv = Path.of("..", "examples", "credit", "credit_g.csv");
    Cli ingest = Cli.run(home(), "data", "ingest", csv.toString(), "--name", "credit");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    String version = ingest.out().strip();
    assertThat(version).matches("[0-9a-f]{64}");
    Path blob = home().resolve("artifacts/sha256").resolve(version.substring(0, 2)).resolve(version);
    if (Files.exists(blob)) {
      assertThat(Sha256.hex(blob)).isEqualTo(version);
    }
    Cli again = Cli.run(home(), "data", "ingest", csv.toString(), "--name", "credit");
    assertThat(again.out().strip()).as("same input, same version").isEqualTo(version);

    Cli list = Cli.run(home(), "data", "list");
    assertThat(list.out()).contains("credit").contains(version.substring(0, 12)).contains("1000");
    Cli show = Cli.run(home(), "data", "show", "credit@" + version.substring(0, 8));
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("sha256:" + version).contains("source sha256 " + Sha256.hex(csv));

    Path json = dir.resolve("stats.json");
    Cli stats = Cli.run(home(), "data", "stats", "credit", "--json", json.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("1000 rows, 21 features").contains("good (700)");
    assertThat(Files.readString(json)).contains("\"credit_amount\"").contains("\"quantilesHistogram\"");
    Cli fromFile = Cli.run(home(), "data", "stats", csv.toString());
    assertThat(fromFile.out()).isEqualTo(stats.out());
  }

  @Test
  void ingestSnapshotsTheResultOfAJdbcQuery() throws Exception {
    Path db = dir.resolve("app.db");
    try (var connection = java.sql.DriverManager.getConnection("jdbc:sqlite:" + db);
        var statement = connection.createStatement()) {
      statement.executeUpdate("CREATE TABLE loans (id INTEGER, amount REAL, purpose TEXT)");
      statement.executeUpdate(
          "INSERT INTO loans VALUES (1, 100.5, 'car'), (2, 2500.0, 'education'), (3, NULL, 'car'), (4, 7.0, 'tv')");
    }
    Cli ingest = Cli.run(home(), "data", "ingest", "jdbc:sqlite:" + db,
        "--query", "SELECT id, amount, purpose FROM loans WHERE id > 1", "--name", "loans");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    Cli show = Cli.run(home(), "data", "show", "loans");
    assertThat(show.out()).contains("query         SELECT id, amount, purpose FROM loans WHERE id > 1")
        .containsPattern("rows\\s+3");
    Cli stats = Cli.run(home(), "data", "stats", "loans");
    // rows 2..4: amount 2500, missing, 7 -> 2 present, 1 missing, mean 1253.5; every present value
    // is whole, so the statistics type it INT (TFDV's rule here), although SQLite declared REAL
    assertThat(stats.out()).containsPattern("amount\\s+INT\\s+2\\s+1\\s+mean 1254")
        .contains("top [car (1), education (1), tv (1)]");

    Cli notJdbc = Cli.run(home(), "data", "ingest", db.toString(), "--query", "SELECT 1", "--name", "x");
    assertThat(notJdbc.exitCode()).isEqualTo(2);
    assertThat(notJdbc.err().strip()).isEqualTo("error: --query needs a JDBC URL as FILE (jdbc:...), got '" + db + "'");
  }

  @Test
  void unknownDatasetIsAClearUsageError() {
    Cli missing = Cli.run(home(), "data", "stats", "nosuch");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().strip()).startsWith("error: no dataset named 'nosuch'");
    Cli html = Cli.run(home(), "data", "stats", "nosuch", "--html", dir.resolve("x.html").toString());
    assertThat(html.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("x.html")).doesNotExist();
  }

  @Test
  void statsHtmlIsOneSelfContainedPageWithEveryFeature() throws Exception {
    Path csv = Path.of("..", "examples", "credit", "credit_g.csv");
    Path html = dir.resolve("out/stats.html");
    Cli stats = Cli.run(home(), "data", "stats", csv.toString(), "--html", html.toString());
    assertThat(stats.exitCode()).as(stats.err()).isZero();
    assertThat(stats.out()).contains("HTML report: " + html);
    String page = Files.readString(html);
    assertThat(page).startsWith("<!DOCTYPE html>").contains("1000 rows, 21 features")
        .contains("credit_amount", "checking_status", "<svg", "(exact)")
        .doesNotContain("http://", "https://", "<script", "<link");
    // credit_amount's first equal-width bucket holds 445 rows (numpy: np.histogram(x, 10)[0][0])
    assertThat(page).contains(": 445</title>");
  }

  @Test
  void badInputIsOneLineExitTwoAndNothingInTheStore() throws Exception {
    StringBuilder mixed = new StringBuilder("id,amount\n");
    for (int i = 1; i <= 10_000; i++) {
      mixed.append(i).append(',').append(i % 13).append('\n');
    }
    mixed.append("10001,lots\n");
    Path big = dir.resolve("big.csv");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.write("a,b\n1,".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      f.setLength(2L << 30); // sparse: a 2 GiB second line that costs no disk
    }
    Object[][] cases = {
      {dir.resolve("absent.csv"), "file not found: " + dir.resolve("absent.csv")},
      {dir, "not a regular file"},
      {Files.writeString(dir.resolve("semi.csv"), "a;b\n1;2\n"), "semi.csv: line 1: with delimiter ','"},
      {Files.writeString(dir.resolve("mixed.csv"), mixed), "mixed.csv: line 10002 (row 10001), column 'amount'"},
      {Files.writeString(dir.resolve("zero.csv"), "a,b\n"), "zero.csv: has no data rows"},
      {Files.writeString(dir.resolve("dup.csv"), "a,a\n1,2\n"), "dup.csv: line 1 names column 'a' twice"},
      {big, "big.csv: line 2 is longer than 8388608 bytes (row 1)"},
    };
    for (Object[] c : cases) {
      String[] args = c[0].toString().endsWith("semi.csv")
          ? new String[] {"data", "ingest", c[0].toString(), "--name", "bad", "--delimiter", ","}
          : new String[] {"data", "ingest", c[0].toString(), "--name", "bad"};
      Cli run = Cli.run(home(), args);
      assertThat(run.exitCode()).as(c[0].toString()).isEqualTo(2);
      assertThat(run.out()).isEmpty();
      assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
      assertThat(run.err()).contains((String) c[1]);
    }
    Cli list = Cli.run(home(), "data", "list");
    assertThat(list.out()).contains("no datasets registered yet");
    try (var blobs = Files.walk(home().resolve("artifacts"))) {
      assertThat(blobs.filter(Files::isRegularFile).filter(p -> !p.toString().contains("tmp")).toList()).isEmpty();
    }
  }
}
