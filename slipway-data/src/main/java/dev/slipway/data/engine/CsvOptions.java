package dev.slipway.data.engine;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import java.util.List;
import java.util.Map;

/**
 * How a CSV file is read.
 *
 * @param delimiter the field separator, or null to detect it (among {@code , ; TAB |})
 * @param nullValues cell texts that mean "missing"; the empty cell always does
 * @param sampleRows how many leading rows decide each column's type (-1: the whole file, which
 *     costs a second pass); a later value that does not fit the type is an error naming its line
 * @param maxLineBytes the longest physical line accepted; longer lines are an error, found before
 *     the engine reads the file
 * @param types forced column types (STRING keeps digit-only codes as text); others are inferred
 */
public record CsvOptions(
    Character delimiter,
    List<String> nullValues,
    long sampleRows,
    long maxLineBytes,
    Map<String, FeatureType> types) {

  /** The default longest line: 8 MiB. */
  public static final long DEFAULT_MAX_LINE_BYTES = 8L << 20;

  /**
   * The default number of leading rows that decide types: 8,192 (four of DuckDB's 2,048-row
   * vectors; the engine samples whole vectors, so other values are rounded up by it).
   */
  public static final long DEFAULT_SAMPLE_ROWS = 8_192;

  public CsvOptions {
    nullValues = List.copyOf(nullValues);
    types = Map.copyOf(types);
    if (sampleRows == 0 || sampleRows < -1) {
      throw new InvalidInputException("sample rows must be positive or -1 (whole file), got " + sampleRows);
    }
    if (maxLineBytes < 1) {
      throw new InvalidInputException("max line bytes must be positive, got " + maxLineBytes);
    }
    if (delimiter != null && (delimiter == '"' || delimiter == '\n' || delimiter == '\r')) {
      throw new InvalidInputException("delimiter cannot be " + printable(delimiter));
    }
  }

  /** Auto-detected delimiter, {@code NA} and empty as missing, the default sample and line limit. */
  public static CsvOptions defaults() {
    return new CsvOptions(null, List.of("NA"), DEFAULT_SAMPLE_ROWS, DEFAULT_MAX_LINE_BYTES, Map.of());
  }

  public CsvOptions withDelimiter(Character value) {
    return new CsvOptions(value, nullValues, sampleRows, maxLineBytes, types);
  }

  public CsvOptions withSampleRows(long value) {
    return new CsvOptions(delimiter, nullValues, value, maxLineBytes, types);
  }

  public CsvOptions withMaxLineBytes(long value) {
    return new CsvOptions(delimiter, nullValues, sampleRows, value, types);
  }

  public CsvOptions withTypes(Map<String, FeatureType> value) {
    return new CsvOptions(delimiter, nullValues, sampleRows, maxLineBytes, value);
  }

  static String printable(char c) {
    return c == '\t' ? "TAB" : "'" + c + "'";
  }
}
