package dev.slipway.data.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Statistics;
import dev.slipway.core.Table;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataEngineTest {
  @TempDir Path dir;
  DataEngine engine;

  @BeforeEach
  void open() {
    engine = DataEngine.open(2);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void csvWithBomQuotedNewlinesSemicolonsAndNaIsReadAsWritten() throws IOException {
    Path csv = file("a.csv", "\uFEFFid;note;x\n1;\"two\nlines\";NA\n2;\"a;b\";2.5\n3;;-1\n");
    Table t = engine.table(DataSource.of(csv));
    assertThat(t.names()).containsExactly("id", "note", "x");
    assertThat(t.column("note").text(0)).isEqualTo("two\nlines");
    assertThat(t.column("note").text(1)).isEqualTo("a;b");
    assertThat(t.column("note").isMissing(2)).isTrue();
    assertThat(t.column("x").isMissing(0)).isTrue();
    assertThat(t.column("x").text(1)).isEqualTo("2.5");
  }

  @Test
  void sameInputGivesByteIdenticalParquetAcrossEngines() throws IOException {
    StringBuilder b = new StringBuilder("k,v,s\n");
    for (int i = 0; i < 50_000; i++) {
      b.append(i).append(',').append(i * 0.5).append(",s").append(i % 97).append('\n');
    }
    Path csv = file("d.csv", b.toString());
    Snapshot one = engine.snapshot(DataSource.of(csv), dir.resolve("one.parquet"));
    Snapshot two;
    try (DataEngine other = DataEngine.open(2)) {
      two = other.snapshot(DataSource.of(csv), dir.resolve("two.parquet"));
    }
    assertThat(Files.readAllBytes(one.file())).isEqualTo(Files.readAllBytes(two.file()));
    assertThat(one.sha256()).isEqualTo(two.sha256()).hasSize(64);
    assertThat(one.sourceSha256()).isEqualTo(dev.slipway.core.Sha256.hex(csv));
    assertThat(one.rows()).isEqualTo(50_000);
    assertThat(one.columns()).containsExactly(
        Map.entry("k", FeatureType.INT), Map.entry("v", FeatureType.FLOAT), Map.entry("s", FeatureType.STRING));
  }

  @Test
  void parquetJsonLinesAndJdbcGiveTheSameStatisticsAsCsv() throws Exception {
    Path csv = file("c.csv", "a,b\n1,x\n2,y\n,x\n4,\n");
    Path jsonl = file("c.jsonl", "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\"y\"}\n{\"a\":null,\"b\":\"x\"}\n{\"a\":4,\"b\":null}\n");
    Path parquet = engine.snapshot(DataSource.of(csv), dir.resolve("c.parquet")).file();
    String url = "jdbc:sqlite:" + dir.resolve("c.db");
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t (a INTEGER, b TEXT)");
      s.execute("INSERT INTO t VALUES (1,'x'),(2,'y'),(NULL,'x'),(4,NULL)");
    }
    Statistics expected = engine.statistics(DataSource.of(csv));
    assertThat(engine.statistics(DataSource.of(parquet))).isEqualTo(expected);
    assertThat(engine.statistics(DataSource.of(jsonl))).isEqualTo(expected);
    assertThat(engine.statistics(new DataSource.Jdbc(url, "SELECT a, b FROM t ORDER BY rowid"))).isEqualTo(expected);
    Statistics.Feature a = expected.feature("a").orElseThrow();
    assertThat(a.count()).isEqualTo(3);
    assertThat(a.missing()).isEqualTo(1);
    assertThat(a.numeric().mean()).isCloseTo(7.0 / 3, within(1e-12));
    assertThat(expected.feature("b").orElseThrow().strings().topValues().get(0))
        .isEqualTo(new Statistics.ValueCount("x", 2));
  }

  @Test
  void nanAndInfinityAreCountedApartFromTheFiniteSummary() throws IOException {
    Path csv = file("n.csv", "x\n1\nnan\ninf\n-inf\n3\n0\n");
    Statistics.NumericSummary s = engine.statistics(DataSource.of(csv)).features().get(0).numeric();
    assertThat(s.nan()).isEqualTo(1);
    assertThat(s.infinite()).isEqualTo(2);
    assertThat(s.mean()).isEqualTo(4.0 / 3);
    assertThat(s.min()).isEqualTo(0);
    assertThat(s.max()).isEqualTo(3);
    assertThat(s.zeros()).isEqualTo(1);
  }

  @Test
  void aWideParquetFileReadOnTwoConnectionsKeepsEveryRowInPlace() {
    // 1100 rows x 1000 columns: above PARALLEL_READ_VALUES, so on a machine with 2+ cores the
    // second half of the columns is read on another connection; a row out of step would break
    // equality.
    int rows = 1100;
    java.util.List<dev.slipway.core.Column> columns = new java.util.ArrayList<>();
    java.util.Random random = new java.util.Random(3);
    for (int c = 0; c < 999; c++) {
      double[] values = new double[rows];
      for (int r = 0; r < rows; r++) {
        values[r] = random.nextInt(50) == 0 ? Double.NaN : r * 1000.0 + c;
      }
      columns.add(new dev.slipway.core.NumericColumn("x" + c, values));
    }
    String[] text = new String[rows];
    for (int r = 0; r < rows; r++) {
      text[r] = r % 7 == 0 ? null : "row " + r;
    }
    columns.add(new dev.slipway.core.StringColumn("note", text));
    Table table = new Table(columns);
    assertThat((long) rows * columns.size()).isGreaterThanOrEqualTo(DataEngine.PARALLEL_READ_VALUES);
    Path parquet = engine.writeParquet(table, dir.resolve("wide.parquet")).file();

    assertThat(engine.table(new DataSource.Parquet(parquet))).isEqualTo(table);
  }

  @Test
  void missingFileIsNotFound() {
    assertThatThrownBy(() -> engine.statistics(DataSource.of(dir.resolve("nope.csv"))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("nope.csv");
  }

  @Test
  void directoryIsAnUnreadableFile() {
    assertThatThrownBy(() -> engine.statistics(DataSource.of(dir)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a regular file");
  }

  @Test
  void wrongDelimiterNamesTheOneInTheHeader() throws IOException {
    Path csv = file("w.csv", "a;b;c\n1;2;3\n");
    assertThatThrownBy(() -> engine.statistics(new DataSource.Csv(csv, CsvOptions.defaults().withDelimiter(','))))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("w.csv").hasMessageContaining("line 1").hasMessageContaining("wrong delimiter")
        .hasMessageContaining("';'");
  }

  @Test
  void raggedRowNamesItsLine() throws IOException {
    Path csv = file("r.csv", "a,b\n1,2\n3,4,5\n");
    assertThatThrownBy(() -> engine.statistics(DataSource.of(csv)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("r.csv: line 3 (row 2)");
  }

  @Test
  void columnNumericFor10kRowsThenTextNamesFileRowAndColumn() throws IOException {
    StringBuilder b = new StringBuilder("id,amount\n");
    for (int i = 1; i <= 10_000; i++) {
      b.append(i).append(',').append(i % 13).append('\n');
    }
    b.append("10001,lots\n");
    Path csv = file("m.csv", b.toString());
    assertThatThrownBy(() -> engine.snapshot(DataSource.of(csv), dir.resolve("m.parquet")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("m.csv: line 10002 (row 10001), column 'amount': 'lots' is not an integer")
        .hasMessageNotContaining("\n");
    assertThat(engine.statistics(new DataSource.Csv(csv, CsvOptions.defaults().withSampleRows(-1)))
        .feature("amount").orElseThrow().type()).isEqualTo(FeatureType.STRING);
  }

  @Test
  void zeroRowFileIsRefusedForASnapshot() throws IOException {
    Path header = file("h.csv", "a,b\n");
    assertThatThrownBy(() -> engine.snapshot(DataSource.of(header), dir.resolve("h.parquet")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("h.csv: has no data rows");
    Path empty = file("e.csv", "");
    assertThatThrownBy(() -> engine.snapshot(DataSource.of(empty), dir.resolve("e.parquet")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("e.csv: line 1 is empty");
  }

  @Test
  void duplicateColumnNamesAreRefusedNotRenamed() throws IOException {
    Path csv = file("dup.csv", "a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> engine.statistics(DataSource.of(csv)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dup.csv: line 1 names column 'a' twice (columns 1 and 3)");
  }

  /**
   * A 2 GiB line without 2 GiB of disk: the file is sparse (setLength past a short prefix), and
   * the pre-scan stops at the line limit, so the test reads about 8 MiB.
   */
  @Test
  void twoGigabyteLineFailsFastNamingTheLine() throws IOException {
    Path csv = dir.resolve("big.csv");
    try (RandomAccessFile f = new RandomAccessFile(csv.toFile(), "rw")) {
      f.write("a,b\n1,2\n3,".getBytes(StandardCharsets.US_ASCII));
      f.setLength(2L << 30);
    }
    long start = System.nanoTime();
    assertThatThrownBy(() -> engine.snapshot(DataSource.of(csv), dir.resolve("big.parquet")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("big.csv: line 3 is longer than 8388608 bytes (row 2)");
    assertThat((System.nanoTime() - start) / 1e9).isLessThan(10);
    assertThat(dir.resolve("big.parquet")).doesNotExist();
  }

  @Test
  void hashSplitIsStableAndTimeSplitFollowsTheCutoffs() throws IOException {
    StringBuilder b = new StringBuilder("user,day,v\n");
    for (int i = 0; i < 1000; i++) {
      b.append("u").append(i).append(",2024-01-").append(String.format("%02d", 1 + i % 28)).append(',').append(i).append('\n');
    }
    Path csv = file("s.csv", b.toString());
    SplitRule.Hash hash = new SplitRule.Hash("user", 0.2, 0.1);
    Map<String, Long> first = engine.split(DataSource.of(csv), hash, dir.resolve("tr.parquet"), dir.resolve("ev.parquet"), dir.resolve("te.parquet"));
    byte[] eval = Files.readAllBytes(dir.resolve("ev.parquet"));
    Map<String, Long> again = engine.split(DataSource.of(csv), hash, dir.resolve("tr2.parquet"), dir.resolve("ev2.parquet"), dir.resolve("te2.parquet"));
    assertThat(again).isEqualTo(first);
    assertThat(Files.readAllBytes(dir.resolve("ev2.parquet"))).isEqualTo(eval);
    assertThat(first.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1000);
    assertThat(first.get("eval")).isBetween(150L, 250L);
    // independent reference: md5 in Java decides the eval membership of u0..u999
    long expectedEval = java.util.stream.IntStream.range(0, 1000).filter(i -> bucket("u" + i) < 0.2).count();
    assertThat(first.get("eval")).isEqualTo(expectedEval);

    Map<String, Long> time = engine.split(DataSource.of(csv), new SplitRule.Time("day", "2024-01-21", "2024-01-26"),
        dir.resolve("t1.parquet"), dir.resolve("t2.parquet"), dir.resolve("t3.parquet"));
    long perDay = 1000 / 28; // days 1..20 have 36 rows (i % 28 < 20 for 36 blocks), see below
    assertThat(perDay).isEqualTo(35);
    long train = java.util.stream.IntStream.range(0, 1000).filter(i -> 1 + i % 28 < 21).count();
    long test = java.util.stream.IntStream.range(0, 1000).filter(i -> 1 + i % 28 >= 26).count();
    assertThat(time).containsEntry("train", train).containsEntry("test", test).containsEntry("eval", 1000 - train - test);
  }

  private static double bucket(String key) {
    try {
      byte[] md5 = java.security.MessageDigest.getInstance("MD5").digest(key.getBytes(StandardCharsets.UTF_8));
      long first = ((md5[0] & 0xffL) << 24) | ((md5[1] & 0xffL) << 16) | ((md5[2] & 0xffL) << 8) | (md5[3] & 0xffL);
      return first / 4294967296.0;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void slicesPartitionTheRows() throws IOException {
    Path csv = file("sl.csv", "g,x\na,1\nb,2\na,3\n,4\n");
    var sliced = engine.statistics(DataSource.of(csv), "g", 10);
    assertThat(sliced.slices().keySet()).containsExactly("a", "(missing)", "b");
    assertThat(sliced.slices().get("a").rows()).isEqualTo(2);
    assertThat(sliced.slices().get("a").feature("x").orElseThrow().numeric().mean()).isEqualTo(2.0);
    assertThat(sliced.overall().rows()).isEqualTo(4);
  }
}
