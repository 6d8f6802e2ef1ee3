package dev.slipway.cli;

import dev.slipway.core.SlipwayException;
import dev.slipway.core.Table;
import dev.slipway.data.CsvWriter;
import dev.slipway.data.drift.FeatureDrift;
import dev.slipway.data.drift.Sampler;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code slipway data sample FILE --rows N --seed S --out OUT.csv}: draw and judge a sample. */
@Command(name = "sample", description = "Draw a reproducible random sample and report how alike it is to the rest.")
final class DataSampleCommand implements Callable<Integer> {
  @ParentCommand DataCommand data;
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE")
  String input;

  @Option(names = "--rows", required = true, paramLabel = "N")
  int rows;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "S", description = "Default ${DEFAULT-VALUE}.")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "OUT.csv")
  Path out;

  @Option(names = "--confidence", defaultValue = "0.95", description = "For suggested split sizes (default ${DEFAULT-VALUE}).")
  double confidence;

  @Option(names = "--margin", defaultValue = "0.05", description = "± margin of a proportion such as accuracy (default ${DEFAULT-VALUE}).")
  double margin;

  @Override
  public Integer call() throws IOException {
    PrintWriter w = spec.commandLine().getOut();
    Table table = DataCommand.read(input, data.parent.home());
    Sampler.Sample sample = Sampler.draw(table, rows, seed);
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (OutputStream os = Files.newOutputStream(out)) {
      CsvWriter.write(sample.sample(), os);
    } catch (IOException e) {
      throw new SlipwayException("cannot write " + out + ": " + e.getMessage(), e);
    }
    w.printf("sampled %d of %d rows (seed %d) to %s%n", rows, table.rowCount(), seed, out);
    w.printf(Locale.ROOT, "%-16s %-12s %-12s %10s %10s%n", "FEATURE", "KIND", "TEST", "STATISTIC", "P-VALUE");
    for (FeatureDrift f : sample.similarity().features()) {
      var r = f.ks() != null ? f.ks() : f.chiSquared();
      w.printf(Locale.ROOT, "%-16s %-12s %-12s %10s %10s%n", f.name(), f.kind(),
          r == null ? "-" : f.ks() != null ? "KS" : "chi-squared",
          r == null ? "-" : String.format(Locale.ROOT, "%.4f", r.statistic()),
          r == null ? "-" : String.format(Locale.ROOT, "%.3g", r.pValue()));
    }
    int tests = sample.similarity().pValueTests();
    w.printf(Locale.ROOT, "verdict: %s (sample vs the %d rows not drawn; %d tests at 0.05/%d, Bonferroni)%n",
        sample.similar() ? "SIMILAR" : "DIFFERENT", table.rowCount() - rows, tests, Math.max(1, tests));
    long n = Sampler.rowsFor(table.rowCount(), confidence, margin);
    w.printf(Locale.ROOT, "suggested eval/test split: >= %d rows each (a proportion such as accuracy within ±%.3g at %.0f%% confidence, of %d rows)%n",
        n, margin, 100 * confidence, table.rowCount());
    return 0;
  }
}
