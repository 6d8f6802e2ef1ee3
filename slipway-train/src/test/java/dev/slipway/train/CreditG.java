package dev.slipway.train;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.Column;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The shared credit_g data set (Statlog German Credit, UCI, CC BY 4.0) as a {@link Table}, read
 * with a deliberately small CSV reader: a column whose every present cell parses as a number is
 * numeric, otherwise text; an empty cell is missing. Tests that need it skip when it is absent.
 */
final class CreditG {
  static final Path FILE =
      Path.of(System.getProperty("slipway.data", "/work/shared/data"), "credit_g.csv");
  static final String LABEL = "class";

  private CreditG() {}

  static Table load() {
    assumeTrue(Files.isReadable(FILE), "skipped: real data set " + FILE + " is absent");
    return readCsv(FILE);
  }

  static Table readCsv(Path file) {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      List<String> names = parser.getHeaderNames();
      List<CSVRecord> records = parser.getRecords();
      List<Column> columns = new ArrayList<>();
      for (int c = 0; c < names.size(); c++) {
        String[] cells = new String[records.size()];
        for (int r = 0; r < cells.length; r++) {
          String cell = records.get(r).get(c);
          cells[r] = cell.isEmpty() ? null : cell;
        }
        columns.add(toColumn(names.get(c), cells));
      }
      return new Table(columns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Column toColumn(String name, String[] cells) {
    double[] numbers = new double[cells.length];
    for (int r = 0; r < cells.length; r++) {
      if (cells[r] == null) {
        numbers[r] = Double.NaN;
        continue;
      }
      try {
        numbers[r] = Double.parseDouble(cells[r]);
      } catch (NumberFormatException e) {
        return new StringColumn(name, cells);
      }
    }
    return new NumericColumn(name, numbers);
  }

  /** The feature columns: every column but the label. */
  static List<String> features(Table table) {
    return table.names().stream().filter(n -> !n.equals(LABEL)).toList();
  }

  /** Reads a resource of whitespace-separated numbers. */
  static double[] numbers(String resource) {
    try (InputStream in = CreditG.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return java.util.Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The 80/20 split scikit-learn makes with {@code train_test_split(test_size=0.2, stratify=y,
   * random_state=0)}: index 0 = train rows, 1 = eval rows (see {@code
   * reference/credit_g_lr_reference.py}, which wrote the eval rows).
   */
  static int[][] sklearnSplit(int rows) {
    int[] eval = java.util.Arrays.stream(numbers("/reference/credit_g_eval_rows.txt"))
        .mapToInt(d -> (int) d)
        .toArray();
    boolean[] isEval = new boolean[rows];
    for (int r : eval) {
      isEval[r] = true;
    }
    int[] train = java.util.stream.IntStream.range(0, rows).filter(r -> !isEval[r]).toArray();
    return new int[][] {train, eval};
  }
}
