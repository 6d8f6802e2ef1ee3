import dev.slipway.core.Statistics;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * Full Slipway statistics vs DuckDB SUMMARIZE on the same generated CSV, in one JVM.
 *
 * <p>Run with {@code bench/statistics.sh [ROWS]} (default 10,000,000 rows × 20 columns); it
 * builds slipway-data, generates {@code bench/target/stats-ROWS.csv} once (seed 7: 10 numeric
 * columns, 6 low-cardinality strings, 4 high-cardinality strings, ~2% missing per column) and
 * runs each side {@code REPEATS} times alternately, reporting every time and the peak heap
 * (sum of the heap pools' peak usage, MemoryPoolMXBean) under -Xmx2g.
 */
public final class StatisticsBench {
  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 2;
    Path csv = Path.of("bench/target/stats-" + rows + ".csv");
    if (!Files.exists(csv)) {
      generate(csv, rows);
    }
    System.out.printf("file %s, %.2f GB, %d rows × 20 columns, %d cores%n", csv,
        Files.size(csv) / 1e9, rows, Runtime.getRuntime().availableProcessors());
    for (int i = 0; i < repeats; i++) {
      long t0 = System.nanoTime();
      long summarized = summarize(csv);
      long t1 = System.nanoTime();
      Statistics stats;
      try (DataEngine engine = DataEngine.open()) {
        stats = engine.statistics(DataSource.of(csv));
      }
      long t2 = System.nanoTime();
      System.out.printf("round %d: duckdb SUMMARIZE %.2f s (%d rows out); slipway statistics %.2f s"
          + " (%d features, %d rows); ratio %.2f%n", i + 1, (t1 - t0) / 1e9, summarized,
          (t2 - t1) / 1e9, stats.features().size(), stats.rows(), (double) (t2 - t1) / (t1 - t0));
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak JVM heap (sum of heap pool peaks) %.1f MiB; max heap %.0f MiB%n",
        peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
  }

  private static long summarize(Path csv) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SUMMARIZE SELECT * FROM read_csv('" + csv + "')")) {
      long n = 0;
      while (r.next()) {
        n++;
      }
      return n;
    }
  }

  private static void generate(Path csv, long rows) throws Exception {
    Files.createDirectories(csv.getParent());
    Path tmp = csv.resolveSibling(csv.getFileName() + ".tmp");
    Random random = new Random(7);
    String[] colours = {"red", "green", "blue", "amber", "violet", "teal", "black", "white"};
    try (BufferedWriter w = Files.newBufferedWriter(tmp)) {
      StringBuilder header = new StringBuilder();
      for (int c = 0; c < 20; c++) {
        header.append(c == 0 ? "" : ",").append(c < 10 ? "n" + c : c < 16 ? "cat" + c : "id" + c);
      }
      w.write(header.append('\n').toString());
      StringBuilder line = new StringBuilder(256);
      for (long r = 0; r < rows; r++) {
        line.setLength(0);
        for (int c = 0; c < 20; c++) {
          if (c > 0) {
            line.append(',');
          }
          if (random.nextInt(50) == 0) {
            continue; // missing
          }
          if (c < 5) {
            line.append(random.nextInt(1000) - 200);
          } else if (c < 10) {
            line.append(Math.round(random.nextGaussian() * 1000 * c) / 100.0);
          } else if (c < 16) {
            line.append(colours[random.nextInt(colours.length - (c - 10))]);
          } else {
            line.append("k").append(random.nextInt(c * 50_000));
          }
        }
        w.write(line.append('\n').toString());
      }
    }
    Files.move(tmp, csv);
  }
}
