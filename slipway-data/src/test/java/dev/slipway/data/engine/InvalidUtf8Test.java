package dev.slipway.data.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.Sha256;
import dev.slipway.core.Statistics;
import dev.slipway.core.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invalid UTF-8 in a CSV: counted per column against a first-principles check (a field is valid
 * exactly when decoding and re-encoding it gives back its bytes) and repaired as Python does.
 */
class InvalidUtf8Test {
  private static final byte[] VALID = bytes("Zo\u00eb \u6771\u4eac \uD83D\uDE00");
  private static final byte[] LONE_FF = {'b', 'a', 'd', (byte) 0xFF, 'b', 'y', 't', 'e'};
  private static final byte[] TRUNCATED = {'t', 'r', (byte) 0xE6, (byte) 0x9D, ',', 'x'};
  private static final byte[] OVERLONG = {(byte) 0xC0, (byte) 0xAF}; // '/' in two bytes

  /**
   * Python's repairs, recorded with {@code /usr/bin/python3 -c "print(ascii(b'...'.decode('utf-8',
   * errors='replace')))"}: b'bad\xffbyte' → 'bad\ufffdbyte', b'tr\xe6\x9d,x' → 'tr\ufffd,x',
   * b'\xc0\xaf' → '\ufffd\ufffd'; and decode('utf-8') raises for all three but not for VALID.
   */
  private static final Map<String, String> PYTHON_REPLACE = Map.of(
      "bad", "bad\uFFFDbyte", "truncated", "tr\uFFFD,x", "overlong", "\uFFFD\uFFFD");

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

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean validUtf8(byte[] field) {
    return Arrays.equals(new String(field, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), field);
  }

  /** Rows of raw fields; header id,name,note. */
  private static List<List<byte[]>> rows() {
    return List.of(
        List.of(bytes("1"), VALID, bytes("plain")),
        List.of(bytes("2"), LONE_FF, bytes("ok")),
        List.of(bytes("3"), bytes("fine"), TRUNCATED),
        List.of(bytes("4"), OVERLONG, bytes("NA")),
        List.of(bytes("5"), VALID, bytes("caf\u00e9")));
  }

  private Path write(String name, List<List<byte[]>> rows) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bytes("id,name,note\n"));
    for (List<byte[]> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        byte[] f = row.get(c);
        boolean quote = new String(f, StandardCharsets.ISO_8859_1).contains(",");
        out.writeBytes(c == 0 ? new byte[0] : bytes(","));
        out.writeBytes(quote ? bytes("\"") : new byte[0]);
        out.writeBytes(f);
        out.writeBytes(quote ? bytes("\"") : new byte[0]);
      }
      out.write('\n');
    }
    return Files.write(dir.resolve(name), out.toByteArray());
  }

  private static Map<String, Long> expectedCounts(List<List<byte[]>> rows) {
    String[] names = {"id", "name", "note"};
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String n : names) {
      counts.put(n, 0L);
    }
    for (List<byte[]> row : rows) {
      for (int c = 0; c < row.size(); c++) {
        if (!validUtf8(row.get(c))) {
          counts.merge(names[c], 1L, Long::sum);
        }
      }
    }
    return counts;
  }

  private static long invalid(Statistics stats, String column) {
    Statistics.Feature f = stats.feature(column).orElseThrow();
    return f.strings() == null ? 0 : f.strings().invalidUtf8();
  }

  @Test
  void invalidValuesAreCountedPerColumnAsTheFirstPrinciplesCheckCountsThem() throws IOException {
    List<List<byte[]>> rows = rows();
    Map<String, Long> expected = expectedCounts(rows);
    assertThat(expected).containsEntry("name", 2L).containsEntry("note", 1L).containsEntry("id", 0L);

    Statistics stats = engine.statistics(DataSource.of(write("bad.csv", rows)));

    assertThat(stats.rows()).isEqualTo(5);
    for (Map.Entry<String, Long> e : expected.entrySet()) {
      assertThat(invalid(stats, e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
    }
    assertThat(engine.utf8Repairs()).isEqualTo(1);
  }

  @Test
  void repairedValuesEqualPythonsReplaceDecodingAndValidTextIsUnchanged() throws IOException {
    Table t = engine.table(DataSource.of(write("bad.csv", rows())));

    assertThat(t.column("name").text(0)).isEqualTo(new String(VALID, StandardCharsets.UTF_8));
    assertThat(t.column("name").text(1)).isEqualTo(PYTHON_REPLACE.get("bad"));
    assertThat(t.column("note").text(2)).isEqualTo(PYTHON_REPLACE.get("truncated"));
    assertThat(t.column("name").text(3)).isEqualTo(PYTHON_REPLACE.get("overlong"));
    assertThat(t.column("note").isMissing(3)).isTrue();
    assertThat(t.column("note").text(4)).isEqualTo("caf\u00e9");
  }

  @Test
  void snapshotStoresRepairedTextCountsInvalidValuesAndDigestsTheOriginalBytes() throws IOException {
    Path csv = write("bad.csv", rows());
    Snapshot snap = engine.snapshot(DataSource.of(csv), dir.resolve("s.parquet"));

    assertThat(snap.invalidUtf8Values()).isEqualTo(3);
    assertThat(snap.sourceSha256()).isEqualTo(Sha256.hex(csv));
    Table back = engine.table(new DataSource.Parquet(snap.file()));
    assertThat(back.column("name").text(1)).isEqualTo(PYTHON_REPLACE.get("bad"));
  }

  @Test
  void validFileTakesTheFastPathWithZeroCounts() throws IOException {
    List<List<byte[]>> rows = new ArrayList<>();
    for (List<byte[]> row : rows()) {
      rows.add(row.stream().map(f -> validUtf8(f) ? f : VALID).toList());
    }
    Statistics stats = engine.statistics(DataSource.of(write("good.csv", rows)));
    Snapshot snap = engine.snapshot(DataSource.of(write("good.csv", rows)), dir.resolve("g.parquet"));

    assertThat(engine.utf8Repairs()).isZero();
    assertThat(invalid(stats, "name")).isZero();
    assertThat(invalid(stats, "note")).isZero();
    assertThat(snap.invalidUtf8Values()).isZero();
  }

  @Test
  void multibyteTextAcrossBufferBoundariesSurvivesTheRepairPass() throws IOException {
    List<List<byte[]>> rows = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      rows.add(List.of(bytes(Integer.toString(i)), i % 1000 == 999 ? LONE_FF : VALID, bytes("n" + i)));
    }
    Path csv = write("big.csv", rows);
    Statistics stats = engine.statistics(DataSource.of(csv));

    assertThat(invalid(stats, "name")).isEqualTo(expectedCounts(rows).get("name")).isEqualTo(20);
    Statistics.StringSummary names = stats.feature("name").orElseThrow().strings();
    assertThat(names.topValues()).extracting(Statistics.ValueCount::value, Statistics.ValueCount::count)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(new String(VALID, StandardCharsets.UTF_8), 19_980L),
            org.assertj.core.groups.Tuple.tuple(PYTHON_REPLACE.get("bad"), 20L));
  }
}
