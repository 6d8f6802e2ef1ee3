package dev.slipway.data;

import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file into a {@link Table}.
 *
 * <p>Format: UTF-8 (a leading byte-order mark is skipped), RFC 4180 (fields may be quoted and
 * then hold commas, doubled quotes and line breaks; LF or CRLF line ends), a header row naming
 * every column, an empty cell (quoted or not) = a missing value. A blank line is skipped when the
 * header has more than one column; in a one-column file it is a missing value, as RFC 4180 says.
 *
 * <p>Typing: a column is a {@link NumericColumn} when every present value is a decimal number
 * ({@code 12}, {@code -0.5}, {@code 1e-3}; not {@code NaN}, {@code Infinity}, hex or a number that
 * overflows a double), otherwise a {@link StringColumn}. A column with no present value is
 * numeric. The {@link #read(Path, Map)} overload forces the kind of the named columns.
 *
 * <p>Failures are {@link InvalidInputException}s (or {@link NotFoundException} for a missing
 * file) with a one-line message naming the file and, where it applies, the row, line, column
 * and value. Rows are numbered from 1 for the first data row; lines from 1 for the header.
 * Stateless and thread-safe.
 */
public final class CsvReader {
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");
  private static final int SHOWN_CHARS = 40;

  private CsvReader() {}

  /** Reads a file, inferring each column's kind. See the class comment for format and errors. */
  public static Table read(Path file) {
    return read(file, Map.of());
  }

  /**
   * Reads a file, forcing the kind of the columns named in {@code types}: {@link
   * FeatureType#STRING} gives a {@link StringColumn} even when the values look like numbers;
   * {@link FeatureType#INT} and {@link FeatureType#FLOAT} give a {@link NumericColumn} and fail
   * on a present value that is not a number (whether an INT column holds whole numbers is left to
   * {@link SchemaValidator}). Names that are not in the header are ignored, so the types of a
   * schema can be passed for a file that lacks some of its columns (e.g. the label at serving
   * time); other columns are inferred.
   *
   * @throws NotFoundException when the file does not exist
   * @throws InvalidInputException when the file is not valid CSV as described above
   */
  public static Table read(Path file, Map<String, FeatureType> types) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(types, "types");
    if (!Files.exists(file)) {
      throw new NotFoundException("file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": not a regular file");
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString(), types);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads CSV text from a reader (which the caller closes), naming it {@code source} in error
   * messages; otherwise as {@link #read(Path, Map)}.
   */
  public static Table read(Reader reader, String source, Map<String, FeatureType> types) {
    Objects.requireNonNull(types, "types");
    try {
      BufferedReader in =
          reader instanceof BufferedReader b ? b : new BufferedReader(Objects.requireNonNull(reader));
      skipByteOrderMark(in);
      CSVParser parser = CSVFormat.RFC4180.parse(in);
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw new InvalidInputException(source + ": the file is empty; expected a header row");
      }
      List<String> header = header(records.next().toList(), source);
      List<String[]> rows = new ArrayList<>();
      long previousEnd = parser.getCurrentLineNumber();
      while (records.hasNext()) {
        CSVRecord record = records.next();
        long line = previousEnd + 1;
        previousEnd = parser.getCurrentLineNumber();
        if (header.size() > 1 && record.size() == 1 && record.get(0).isEmpty()) {
          continue; // a blank line, not a row of missing values
        }
        if (record.size() != header.size()) {
          throw new InvalidInputException(
              String.format(
                  "%s: row %d (line %d) has %d fields but the header has %d",
                  source, rows.size() + 1, line, record.size(), header.size()));
        }
        rows.add(record.values());
      }
      return columns(header, rows, source, types);
    } catch (UncheckedIOException e) {
      throw malformed(source, e.getCause());
    } catch (IOException e) {
      throw malformed(source, e);
    }
  }

  /** Column kinds that make {@link #read(Path, Map)} read back a table written by {@link CsvWriter}. */
  public static Map<String, FeatureType> typesOf(Table table) {
    Map<String, FeatureType> types = new LinkedHashMap<>();
    for (Column c : table.columns()) {
      types.put(
          c.name(),
          switch (c) {
            case NumericColumn n -> n.isIntegral() ? FeatureType.INT : FeatureType.FLOAT;
            case StringColumn s -> FeatureType.STRING;
          });
    }
    return types;
  }

  /** The number a cell holds, or NaN when it is not a finite decimal number. */
  static double parseNumber(String text) {
    if (!DECIMAL.matcher(text).matches()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(text);
    return Double.isInfinite(value) ? Double.NaN : value;
  }

  /** A value quoted for a one-line message: shortened, line breaks escaped. */
  static String show(String value) {
    String shown = value.length() > SHOWN_CHARS ? value.substring(0, SHOWN_CHARS) + "…" : value;
    return "'" + shown.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  private static void skipByteOrderMark(BufferedReader in) throws IOException {
    in.mark(1);
    if (in.read() != '\uFEFF') {
      in.reset();
    }
  }

  private static List<String> header(List<String> names, String source) {
    if (names.size() == 1 && names.get(0).isEmpty()) {
      throw new InvalidInputException(
          source + ": the first line is blank; expected a header row naming the columns");
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new InvalidInputException(
            source + ": column " + (i + 1) + " has no name in the header row");
      }
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        throw new InvalidInputException(
            String.format(
                "%s: the header names column '%s' twice (columns %d and %d)",
                source, name, earlier, i + 1));
      }
    }
    return names;
  }

  private static Table columns(
      List<String> header, List<String[]> rows, String source, Map<String, FeatureType> types) {
    List<Column> columns = new ArrayList<>(header.size());
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      String[] values = new String[rows.size()];
      for (int r = 0; r < values.length; r++) {
        String cell = rows.get(r)[c];
        values[r] = cell.isEmpty() ? null : cell;
      }
      FeatureType forced = types.get(name);
      if (forced == FeatureType.STRING) {
        columns.add(new StringColumn(name, values));
      } else if (forced != null) {
        columns.add(numbers(name, values, source));
      } else {
        double[] parsed = numbersOrNull(values);
        columns.add(
            parsed == null ? new StringColumn(name, values) : new NumericColumn(name, parsed));
      }
    }
    return new Table(columns);
  }

  private static double[] numbersOrNull(String[] values) {
    double[] out = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      out[r] = values[r] == null ? Double.NaN : parseNumber(values[r]);
      if (values[r] != null && Double.isNaN(out[r])) {
        return null;
      }
    }
    return out;
  }

  private static NumericColumn numbers(String name, String[] values, String source) {
    double[] out = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      out[r] = values[r] == null ? Double.NaN : parseNumber(values[r]);
      if (values[r] != null && Double.isNaN(out[r])) {
        throw new InvalidInputException(
            String.format(
                "%s: column '%s' has %s at row %d; expected a number",
                source, name, show(values[r]), r + 1));
      }
    }
    return new NumericColumn(name, out);
  }

  private static InvalidInputException malformed(String source, Throwable cause) {
    if (cause instanceof CharacterCodingException) {
      return new InvalidInputException(source + ": not valid UTF-8 text", cause);
    }
    String detail = String.valueOf(cause.getMessage()).replace('\n', ' ');
    return new InvalidInputException(source + ": malformed CSV: " + detail, cause);
  }
}
