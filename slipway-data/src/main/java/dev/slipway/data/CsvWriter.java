package dev.slipway.data;

import dev.slipway.core.Column;
import dev.slipway.core.Table;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a {@link Table} as canonical CSV, so that equal tables give equal bytes (and so equal
 * content digests).
 *
 * <p>Canonical form: UTF-8 without a byte-order mark; a header row; one line per row, each ended
 * by LF ({@code \n}); a field is quoted only when it holds a comma, a double quote, CR or LF, and
 * its quotes are doubled (RFC 4180); a missing value is an empty field; numbers are written by
 * {@link Column#text(int)}, so whole numbers carry no {@code ".0"} and others use the shortest
 * text that parses back to the same double.
 *
 * <p>{@link CsvReader#read(java.nio.file.Path, java.util.Map)} with {@link
 * CsvReader#typesOf(Table)} reads the bytes back into an equal table, except that an empty string
 * in a string column comes back missing and {@code -0.0} comes back as {@code 0.0}. Stateless and
 * thread-safe.
 */
public final class CsvWriter {
  private CsvWriter() {}

  /**
   * Writes the table to the stream and flushes it; the caller closes the stream.
   *
   * @throws UncheckedIOException when the stream fails
   */
  public static void write(Table table, OutputStream out) {
    try {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      List<Column> columns = table.columns();
      writeLine(writer, table.names());
      String[] fields = new String[columns.size()];
      for (int row = 0; row < table.rowCount(); row++) {
        for (int c = 0; c < fields.length; c++) {
          String text = columns.get(c).text(row);
          fields[c] = text == null ? "" : text;
        }
        writeLine(writer, Arrays.asList(fields));
      }
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeLine(Writer writer, List<String> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      writeField(writer, fields.get(i));
    }
    writer.write('\n');
  }

  private static void writeField(Writer writer, String value) throws IOException {
    boolean quote = false;
    for (int i = 0; i < value.length() && !quote; i++) {
      char ch = value.charAt(i);
      quote = ch == ',' || ch == '"' || ch == '\r' || ch == '\n';
    }
    if (quote) {
      writer.write('"');
      writer.write(value.replace("\"", "\"\""));
      writer.write('"');
    } else {
      writer.write(value);
    }
  }
}
