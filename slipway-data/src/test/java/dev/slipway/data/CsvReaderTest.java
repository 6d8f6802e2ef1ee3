package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvReaderTest {
  @TempDir Path dir;

  private Path csv(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  private Table read(String text) throws IOException {
    return CsvReader.read(csv("t.csv", text));
  }

  private static double[] numbers(Table t, String name) {
    return ((NumericColumn) t.column(name)).values();
  }

  private static String[] strings(Table t, String name) {
    return ((StringColumn) t.column(name)).values();
  }

  @Test
  void infersNumericAndStringColumns() throws IOException {
    Table t = read("a,b,c\n1,x,1.5\n-2,y,\n");
    assertThat(t.names()).containsExactly("a", "b", "c");
    assertThat(t.rowCount()).isEqualTo(2);
    assertThat(numbers(t, "a")).containsExactly(1, -2);
    assertThat(strings(t, "b")).containsExactly("x", "y");
    assertThat(numbers(t, "c")[0]).isEqualTo(1.5);
    assertThat(numbers(t, "c")[1]).isNaN();
  }

  @Test
  void quotedFieldsHoldCommasQuotesAndLineBreaks() throws IOException {
    Table t = read("id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\r\nlines\"\n");
    assertThat(strings(t, "text")).containsExactly("a, b", "say \"hi\"", "two\r\nlines");
    assertThat(numbers(t, "id")).containsExactly(1, 2, 3);
  }

  @Test
  void skipsUtf8ByteOrderMark() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "größe,y\n1,ä\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Table t = CsvReader.read(Files.write(dir.resolve("bom.csv"), all));
    assertThat(t.names()).containsExactly("größe", "y");
    assertThat(strings(t, "y")).containsExactly("ä");
  }

  @Test
  void emptyAndQuotedEmptyCellsAreMissing() throws IOException {
    Table t = read("n,s\n,\"\"\n3,x\n\"\",\n");
    assertThat(numbers(t, "n")[0]).isNaN();
    assertThat(numbers(t, "n")[1]).isEqualTo(3);
    assertThat(numbers(t, "n")[2]).isNaN();
    assertThat(strings(t, "s")).containsExactly(null, "x", null);
  }

  @Test
  void columnWithoutValuesIsNumeric() throws IOException {
    Table t = read("a,b\n1,\n2,\n");
    assertThat(t.column("b")).isInstanceOf(NumericColumn.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"NaN", "Infinity", "-Infinity", "1e999", "0x10", " 1", "1 ", "1f", "1,5", "--1"})
  void valuesThatAreNotFiniteDecimalsMakeAStringColumn(String value) throws IOException {
    String quoted = "\"" + value + "\"";
    Table t = read("a,b\n1," + quoted + "\n2,3\n");
    assertThat(t.column("b")).isInstanceOf(StringColumn.class);
    assertThat(strings(t, "b")).containsExactly(value, "3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-0.5", "+7", ".5", "5.", "1e-3", "2.5E+10", "4.9e-324"})
  void decimalNumbersParse(String value) throws IOException {
    Table t = read("a\n" + value + "\n");
    assertThat(numbers(t, "a")).containsExactly(Double.parseDouble(value));
  }

  @Test
  void crlfLineEnds() throws IOException {
    Table t = read("a,b\r\n1,x\r\n2,y\r\n");
    assertThat(numbers(t, "a")).containsExactly(1, 2);
    assertThat(strings(t, "b")).containsExactly("x", "y");
  }

  @Test
  void blankLinesAreSkippedWhenThereAreSeveralColumns() throws IOException {
    Table t = read("a,b\n1,x\n\n2,y\n\n");
    assertThat(numbers(t, "a")).containsExactly(1, 2);
  }

  @Test
  void blankLineInOneColumnFileIsAMissingValue() throws IOException {
    Table t = read("a\n1\n\n2\n");
    assertThat(numbers(t, "a")).hasSize(3);
    assertThat(numbers(t, "a")[1]).isNaN();
  }

  @Test
  void headerOnlyGivesZeroRows() throws IOException {
    Table t = read("a,b\n");
    assertThat(t.names()).containsExactly("a", "b");
    assertThat(t.rowCount()).isZero();
  }

  @Test
  void forcedTypesOverrideInference() throws IOException {
    Path file = csv("f.csv", "zip,amount,n,other\n007,1,2,x\n010,2.5,,y\n");
    Table t =
        CsvReader.read(
            file,
            Map.of(
                "zip", FeatureType.STRING,
                "amount", FeatureType.FLOAT,
                "n", FeatureType.INT,
                "not_in_file", FeatureType.STRING));
    assertThat(strings(t, "zip")).containsExactly("007", "010");
    assertThat(numbers(t, "amount")).containsExactly(1, 2.5);
    assertThat(numbers(t, "n")[0]).isEqualTo(2);
    assertThat(strings(t, "other")).containsExactly("x", "y");
  }

  @Test
  void forcedNumberColumnWithTextNamesFileColumnValueAndRow() throws IOException {
    Path file = csv("credit.csv", "age,x\n30,a\n31,b\nabc,c\n");
    assertThatThrownBy(() -> CsvReader.read(file, Map.of("age", FeatureType.INT)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": column 'age' has 'abc' at row 3; expected a number");
  }

  @Test
  void missingFileIsNotFound() {
    Path file = dir.resolve("absent.csv");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("file not found: " + file);
  }

  @Test
  void directoryIsRejected() {
    assertThatThrownBy(() -> CsvReader.read(dir))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(dir + ": not a regular file");
  }

  @Test
  void emptyFileNeedsAHeader() throws IOException {
    Path file = csv("e.csv", "");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": the file is empty; expected a header row");
  }

  @Test
  void blankFirstLineIsNoHeader() throws IOException {
    Path file = csv("b.csv", "\na,b\n1,2\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("first line is blank");
  }

  @Test
  void duplicateHeaderNamesAreRejected() throws IOException {
    Path file = csv("d.csv", "a,b,a\n1,2,3\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": the header names column 'a' twice (columns 1 and 3)");
  }

  @Test
  void emptyHeaderNameIsRejected() throws IOException {
    Path file = csv("h.csv", "a,,c\n1,2,3\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": column 2 has no name in the header row");
  }

  @Test
  void raggedRowNamesDataRowAndLine() throws IOException {
    // Row 1 spans lines 2-3, so the ragged row 2 starts on line 4.
    Path file = csv("credit.csv", "a,b\n1,\"x\ny\"\n2,z,extra\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": row 2 (line 4) has 3 fields but the header has 2");
  }

  @Test
  void shortRowIsRagged() throws IOException {
    Path file = csv("s.csv", "a,b,c\n1,2,3\n4,5\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .hasMessage(file + ": row 2 (line 3) has 2 fields but the header has 3");
  }

  @Test
  void unterminatedQuoteIsMalformed() throws IOException {
    Path file = csv("q.csv", "a,b\n1,\"open\n2,3\n");
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": malformed CSV: ")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void invalidUtf8IsRejected() throws IOException {
    Path file = Files.write(dir.resolve("latin1.csv"), new byte[] {'a', '\n', (byte) 0xE9, '\n'});
    assertThatThrownBy(() -> CsvReader.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + ": not valid UTF-8 text");
  }

  @Test
  void longValuesAreShortenedInMessages() throws IOException {
    String longText = "x".repeat(500) + "\nmore";
    Path file = csv("l.csv", "a\n\"" + longText + "\"\n");
    assertThatThrownBy(() -> CsvReader.read(file, Map.of("a", FeatureType.FLOAT)))
        .hasMessage(file + ": column 'a' has '" + "x".repeat(40) + "…' at row 1; expected a number");
  }
}
