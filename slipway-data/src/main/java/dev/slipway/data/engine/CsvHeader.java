package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The header row of a CSV file, checked before the engine reads it: DuckDB silently renames
 * duplicate names ({@code a}, {@code a_1}) and reads a wrongly delimited file as one wide column,
 * both of which Slipway reports instead.
 *
 * @param delimiter the delimiter in force (given, or detected from the header)
 * @param names the column names in order
 */
record CsvHeader(char delimiter, List<String> names) {
  private static final char[] CANDIDATES = {',', ';', '\t', '|'};

  static CsvHeader parse(Path file, String line, Character given) {
    if (line.isBlank()) {
      throw new InvalidInputException(
          file + ": line 1 is empty; expected a header row naming the columns (is the file empty?)");
    }
    char delimiter = given != null ? given : detect(line);
    List<String> names = split(file, line, delimiter);
    if (given != null && names.size() == 1) {
      for (char c : CANDIDATES) {
        if (c != given && count(line, c) > 0) {
          throw new InvalidInputException(String.format(
              "%s: line 1: with delimiter %s the header is a single column '%s'; it contains %s — wrong"
                  + " delimiter? pass --delimiter %s or leave it out to detect it",
              file, CsvOptions.printable(given), shorten(line), CsvOptions.printable(c),
              c == '\t' ? "TAB" : String.valueOf(c)));
        }
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      if (name.isBlank()) {
        throw new InvalidInputException(
            file + ": line 1, column " + (i + 1) + " has no name in the header row");
      }
      Integer earlier = seen.putIfAbsent(name, i + 1);
      if (earlier != null) {
        throw new InvalidInputException(String.format(
            "%s: line 1 names column '%s' twice (columns %d and %d); rename one",
            file, name, earlier, i + 1));
      }
    }
    return new CsvHeader(delimiter, names);
  }

  /** The candidate that occurs most often outside quotes; ',' when none occurs. */
  static char detect(String line) {
    char best = ',';
    int bestCount = 0;
    for (char c : CANDIDATES) {
      int n = count(line, c);
      if (n > bestCount) {
        best = c;
        bestCount = n;
      }
    }
    return best;
  }

  private static int count(String line, char c) {
    int n = 0;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char x = line.charAt(i);
      if (x == '"') {
        quoted = !quoted;
      } else if (x == c && !quoted) {
        n++;
      }
    }
    return n;
  }

  private static List<String> split(Path file, String line, char delimiter) {
    try {
      List<CSVRecord> records =
          CSVFormat.RFC4180.builder().setDelimiter(delimiter).get().parse(new StringReader(line)).getRecords();
      return records.isEmpty() ? List.of("") : records.get(0).toList();
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new InvalidInputException(file + ": line 1 (the header) is not valid CSV: " + e.getMessage(), e);
    }
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
