package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {
  @TempDir Path dir;

  static byte[] bytes(Table table) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CsvWriter.write(table, out);
    return out.toByteArray();
  }

  private static Table sample() {
    return new Table(
        List.of(
            new NumericColumn("n", new double[] {1, 2.5, Double.NaN, -3, 1e20}),
            new StringColumn("s", new String[] {"a,b", "say \"hi\"", null, "two\nlines", "plain"}),
            new StringColumn("a b", new String[] {null, " x ", "ü", "", "#"})));
  }

  @Test
  void writesCanonicalCsv() {
    String expected =
        "n,s,a b\n"
            + "1,\"a,b\",\n"
            + "2.5,\"say \"\"hi\"\"\", x \n"
            + ",,ü\n"
            + "-3,\"two\nlines\",\n"
            + "1.0E20,plain,#\n";
    assertThat(new String(bytes(sample()), StandardCharsets.UTF_8)).isEqualTo(expected);
  }

  @Test
  void equalTablesGiveEqualBytes() {
    assertThat(bytes(sample())).isEqualTo(bytes(sample()));
  }

  @Test
  void roundTripsThroughReaderWithTypesPreserved() throws IOException {
    Table table =
        new Table(
            List.of(
                new NumericColumn(
                    "x", new double[] {0.1, 1e-300, 4.9e-324, -7, 123456789012L, Double.NaN, 1.0 / 3}),
                new NumericColumn("i", new double[] {1, 2, 3, 4, 5, 6, 7}),
                new StringColumn(
                    "looks_numeric", new String[] {"007", "1", "2.0", null, "1e3", "NaN", "-0"}),
                new StringColumn(
                    "text", new String[] {"a,b", "\"q\"", "line\r\nbreak", "日本", " ", null, "x"})));
    Path file = Files.write(dir.resolve("t.csv"), bytes(table));
    Table back = CsvReader.read(file, CsvReader.typesOf(table));
    assertThat(back).isEqualTo(table);
    assertThat(bytes(back)).isEqualTo(Files.readAllBytes(file));
  }

  @Test
  void oneColumnTableWithMissingValuesRoundTrips() throws IOException {
    Table table = new Table(List.of(new NumericColumn("a", new double[] {1, Double.NaN, Double.NaN})));
    Path file = Files.write(dir.resolve("one.csv"), bytes(table));
    assertThat(Files.readString(file)).isEqualTo("a\n1\n\n\n");
    assertThat(CsvReader.read(file)).isEqualTo(table);
  }
}
