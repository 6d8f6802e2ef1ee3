package dev.slipway.data.drift;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.Column;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.data.CsvReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/** The shared real data sets, cut into the slices the drift tests compare. */
final class Fixtures {
  static final Path DIR = Path.of(System.getenv().getOrDefault("SLIPWAY_DATA", "/work/shared/data"));

  private Fixtures() {}

  static Table read(String fileName) {
    Path file = DIR.resolve(fileName);
    assumeTrue(Files.isRegularFile(file),
        "skipped: real data set " + file + " is absent (set SLIPWAY_DATA to its directory)");
    return CsvReader.read(file);
  }

  static Table rows(Table table, IntPredicate keep) {
    return table.take(IntStream.range(0, table.rowCount()).filter(keep).toArray());
  }

  static Table where(Table table, String column, IntPredicateOnText test) {
    Column c = table.column(column);
    return rows(table, r -> !c.isMissing(r) && test.test(c.text(r)));
  }

  interface IntPredicateOnText {
    boolean test(String text);
  }

  /** The table with one string column's values replaced. */
  static Table replace(Table table, String column, String[] values) {
    List<Column> columns = new ArrayList<>();
    for (Column c : table.columns()) {
      columns.add(c.name().equals(column) ? new StringColumn(column, values) : c);
    }
    return new Table(columns);
  }

  static boolean summer(String date) {
    String month = date.substring(5, 7);
    return month.equals("06") || month.equals("07") || month.equals("08");
  }

  static boolean winter(String date) {
    String month = date.substring(5, 7);
    return month.equals("12") || month.equals("01") || month.equals("02");
  }
}
