package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's multi-line reader errors into one line that names the file, the line (and the
 * data row: line minus the header, exact when no quoted field spans lines), the column and the
 * value, with the fix.
 */
final class EngineErrors {
  private static final Pattern LINE = Pattern.compile("CSV Error on Line: (\\d+)");
  private static final Pattern CONVERT = Pattern.compile(
      "Error when converting column \"(.*?)\"\\. Could not convert string \"(.*?)\" to '(\\w+)'");
  private static final Pattern COLUMNS = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");

  private EngineErrors() {}

  static InvalidInputException reading(DataSource source, SQLException e, long sampleRows) {
    String message = String.valueOf(e.getMessage());
    Matcher line = LINE.matcher(message);
    String where = source.describe();
    if (line.find()) {
      long n = Long.parseLong(line.group(1));
      where += String.format(": line %d (row %d)", n, n - 1);
    }
    Matcher convert = CONVERT.matcher(message);
    if (convert.find()) {
      String column = convert.group(1);
      return new InvalidInputException(String.format(
          "%s, column '%s': %s is not %s like the rows before it (types are inferred from the"
              + " first %s rows); force the column with --type %s=STRING, or --sample-rows -1",
          where, column, show(convert.group(2)), kind(convert.group(3)),
          sampleRows < 0 ? "all" : Long.toString(sampleRows), column), e);
    }
    Matcher columns = COLUMNS.matcher(message);
    if (columns.find()) {
      return new InvalidInputException(String.format(
          "%s: has %s fields but the header has %s; wrong delimiter or an unquoted delimiter in a value",
          where, columns.group(2), columns.group(1)), e);
    }
    if (message.contains("Error when sniffing")) {
      return new InvalidInputException(where + ": cannot tell the CSV dialect: rows disagree on the"
          + " number of fields or on quoting; check the delimiter (--delimiter) and quotes", e);
    }
    if (message.contains("Maximum line size")) {
      return new InvalidInputException(where + ": a line is longer than the maximum line size;"
          + " raise --max-line-bytes if it is meant to be", e);
    }
    if (message.contains("Invalid unicode") || message.contains("not utf-8")) {
      return new InvalidInputException(where + ": not valid UTF-8 text (Slipway reads UTF-8 only;"
          + " convert the file, e.g. iconv -f latin1 -t utf-8)", e);
    }
    return new InvalidInputException(where + ": " + firstLine(message), e);
  }

  static String firstLine(String message) {
    String first = message.lines().filter(l -> !l.isBlank()).findFirst().orElse(message);
    return first.length() > 300 ? first.substring(0, 300) + "…" : first;
  }

  private static String kind(String duckType) {
    return switch (duckType) {
      case "BIGINT", "INTEGER", "SMALLINT", "TINYINT", "HUGEINT" -> "an integer";
      case "DOUBLE", "FLOAT" -> "a number";
      case "BOOLEAN" -> "a boolean";
      default -> "a " + duckType;
    };
  }

  private static String show(String value) {
    String v = value.length() > 40 ? value.substring(0, 40) + "…" : value;
    return "'" + v + "'";
  }
}
