package dev.slipway.cli;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.OutputFiles;
import dev.slipway.core.Statistics;
import dev.slipway.core.Table;
import dev.slipway.data.engine.CsvOptions;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import dev.slipway.data.engine.Snapshot;
import dev.slipway.data.report.StatisticsHtml;
import dev.slipway.store.Artifact;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.StoredBlob;
import dev.slipway.store.Stores;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code slipway data ingest|list|show|stats|schema|validate|sample}: versioned datasets and their
 * validation. A dataset version is the sha256 of its Parquet snapshot; registered datasets are
 * {@code Dataset} artifacts with a {@code name} property. Exit codes: 0 ok, 1 failure (for
 * validate: anomalies found), 2 usage or read error.
 */
@Command(
    name = "data",
    description = "Ingest, describe, validate and sample versioned datasets.",
    subcommands = {DataCommand.Ingest.class, DataCommand.ListData.class, DataCommand.Show.class,
        DataCommand.Stats.class, DataSchemaCommand.class, DataValidateCommand.class,
        DataSampleCommand.class})
final class DataCommand {
  static final String DATASET = "Dataset";
  static final int READ_ERROR = 2;

  @ParentCommand SlipwayCommand parent;

  /** Options for reading a CSV file. */
  static final class ReadOptions {
    @Option(names = "--delimiter", description = "Field separator (default: detected among , ; TAB |).")
    String delimiter;

    @Option(names = "--sample-rows", defaultValue = "8192",
        description = "Leading rows that decide column types; -1 reads the whole file first (default ${DEFAULT-VALUE}).")
    long sampleRows;

    @Option(names = "--max-line-bytes", defaultValue = "8388608",
        description = "Longest line accepted (default ${DEFAULT-VALUE}).")
    long maxLineBytes;

    @Option(names = "--type", description = "Force a column's type, e.g. --type zip=STRING (INT, FLOAT, STRING).")
    Map<String, FeatureType> types = new LinkedHashMap<>();

    CsvOptions csv() {
      Character d = null;
      if (delimiter != null) {
        String v = delimiter.equalsIgnoreCase("TAB") || delimiter.equals("\\t") ? "\t" : delimiter;
        if (v.length() != 1) {
          throw new InvalidInputException("--delimiter must be one character or TAB, got '" + delimiter + "'");
        }
        d = v.charAt(0);
      }
      return CsvOptions.defaults().withDelimiter(d).withSampleRows(sampleRows)
          .withMaxLineBytes(maxLineBytes).withTypes(types);
    }
  }

  @Command(name = "ingest", description = "Snapshot a file as Parquet and register it; prints the dataset version.")
  static final class Ingest implements Callable<Integer> {
    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "CSV, .parquet or .jsonl file; with --query, a JDBC URL.")
    Path file;

    @Option(names = "--name", required = true, description = "Dataset name.")
    String name;

    @Option(names = "--query", paramLabel = "SQL",
        description = "Snapshot the result of this query over the JDBC URL given as FILE (e.g. jdbc:sqlite:app.db).")
    String query;

    @picocli.CommandLine.ArgGroup(exclusive = false)
    ReadOptions read = new ReadOptions();

    @Override
    public Integer call() {
      requireName(name);
      return guarded(spec, () -> {
        try (Stores stores = Stores.open(data.parent.home()); DataEngine engine = DataEngine.open()) {
          Path tmp = stores.artifacts().newTempFile(".parquet");
          Snapshot snap;
          try {
            snap = engine.snapshot(source(), tmp);
          } catch (RuntimeException e) {
            Files.deleteIfExists(tmp); // nothing half-written: the store is only touched below
            throw e;
          }
          StoredBlob blob = stores.artifacts().put(tmp);
          Map<String, String> props = new LinkedHashMap<>();
          props.put("name", name);
          props.put("format", "parquet");
          props.put("source", query == null ? file.toAbsolutePath().normalize().toString() : source().describe());
          if (query != null) {
            props.put("query", query);
          }
          if (snap.sourceSha256() != null) {
            props.put("source_sha256", snap.sourceSha256());
          }
          props.put("rows", Long.toString(snap.rows()));
          if (snap.invalidUtf8Values() > 0) {
            props.put("invalid_utf8_values", Long.toString(snap.invalidUtf8Values()));
          }
          props.put("columns", Integer.toString(snap.columns().size()));
          props.put("column_types", new String(Json.bytes(snap.columns()), java.nio.charset.StandardCharsets.UTF_8));
          Artifact a = stores.metadata().putArtifact(DATASET, blob, props);
          PrintWriter out = spec.commandLine().getOut();
          if (!name.equals(a.properties().get("name"))) {
            spec.commandLine().getErr().println("note: the same rows are already registered as dataset '"
                + a.properties().get("name") + "'");
          }
          out.println(a.digest());
        }
        return 0;
      });
    }

    private DataSource source() {
      if (query == null) {
        return DataSource.of(file, read.csv());
      }
      String url = file.toString();
      if (!url.startsWith("jdbc:")) {
        throw new InvalidInputException("--query needs a JDBC URL as FILE (jdbc:...), got '" + url + "'");
      }
      return new DataSource.Jdbc(url, query);
    }
  }

  @Command(name = "list", description = "List registered datasets, newest version of each name last.")
  static final class ListData implements Callable<Integer> {
    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Stores stores = Stores.open(data.parent.home())) {
        List<Artifact> all = stores.metadata().artifactsByType(DATASET).stream()
            .filter(a -> a.properties().containsKey("name"))
            .sorted(Comparator.comparing((Artifact a) -> a.properties().get("name")).thenComparing(Artifact::id))
            .toList();
        if (all.isEmpty()) {
          out.println("no datasets registered yet (slipway data ingest FILE --name NAME)");
          return 0;
        }
        out.printf(Locale.ROOT, "%-20s %-14s %12s %8s  %s%n", "NAME", "VERSION", "ROWS", "COLUMNS", "CREATED");
        for (Artifact a : all) {
          out.printf(Locale.ROOT, "%-20s %-14s %12s %8s  %s%n", a.properties().get("name"),
              a.digest().substring(0, 12), a.properties().getOrDefault("rows", "?"),
              a.properties().getOrDefault("columns", "?"), a.createdAt());
        }
      }
      return 0;
    }
  }

  @Command(name = "show", description = "Show a dataset version: digest, source, rows and column types.")
  static final class Show implements Callable<Integer> {
    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "NAME[@VERSION]")
    String ref;

    @Override
    public Integer call() {
      return guarded(spec, () -> {
        try (Stores stores = Stores.open(data.parent.home())) {
          Artifact a = resolve(stores.metadata(), ref);
          PrintWriter out = spec.commandLine().getOut();
          out.println("dataset " + a.properties().get("name") + "@" + a.digest().substring(0, 12));
          out.println("  version       sha256:" + a.digest());
          out.println("  snapshot      " + a.uri() + " (" + a.size() + " bytes, parquet)");
          out.println("  source        " + a.properties().getOrDefault("source", "?"));
          if (a.properties().containsKey("query")) {
            out.println("  query         " + a.properties().get("query"));
          }
          out.println("  source sha256 " + a.properties().getOrDefault("source_sha256", "-"));
          out.println("  rows          " + a.properties().getOrDefault("rows", "?"));
          if (a.properties().containsKey("invalid_utf8_values")) {
            out.println("  invalid utf-8 " + a.properties().get("invalid_utf8_values")
                + " values repaired (U+FFFD) in the snapshot; the source keeps its bytes");
          }
          out.println("  created       " + a.createdAt());
          out.println("  columns       " + a.properties().getOrDefault("column_types", "{}"));
        }
        return 0;
      });
    }
  }

  @Command(name = "stats", description = "Statistics of a file or a registered dataset (TFDV depth).")
  static final class Stats implements Callable<Integer> {
    @ParentCommand DataCommand data;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "FILE|NAME[@VERSION]")
    String target;

    @Option(names = "--json", paramLabel = "OUT", description = "Write the statistics as JSON.")
    Path json;

    @Option(names = "--html", paramLabel = "OUT", description = "Write a self-contained HTML report (overview, histograms, top values).")
    Path html;

    @Option(names = "--slice-by", paramLabel = "COLUMN", description = "Also compute statistics per value of COLUMN (JSON only).")
    String sliceBy;

    @picocli.CommandLine.ArgGroup(exclusive = false)
    ReadOptions read = new ReadOptions();

    @Override
    public Integer call() {
      return guarded(spec, () -> {
        DataSource source;
        if (Files.exists(Path.of(target))) {
          source = DataSource.of(Path.of(target), read.csv());
        } else {
          try (Stores stores = Stores.open(data.parent.home())) {
            Artifact a = resolve(stores.metadata(), target);
            source = new DataSource.Parquet(stores.artifacts().path(a.digest()));
          }
        }
        try (DataEngine engine = DataEngine.open()) {
          Object report;
          Statistics stats;
          if (sliceBy != null) {
            var sliced = engine.statistics(source, sliceBy, 100);
            stats = sliced.overall();
            report = sliced;
          } else {
            stats = engine.statistics(source);
            report = stats;
          }
          print(spec.commandLine().getOut(), stats);
          if (json != null) {
            OutputFiles.write(json, Json.bytes(report), "statistics");
          }
          if (html != null) {
            StatisticsHtml.write(target, stats, html);
            spec.commandLine().getOut().println("HTML report: " + html);
          }
        }
        return 0;
      });
    }

    private static void print(PrintWriter out, Statistics stats) {
      out.printf(Locale.ROOT, "%d rows, %d features%n", stats.rows(), stats.features().size());
      out.printf(Locale.ROOT, "%-24s %-6s %10s %8s  %s%n", "FEATURE", "TYPE", "PRESENT", "MISSING", "SUMMARY");
      for (Statistics.Feature f : stats.features()) {
        String summary;
        if (f.numeric() != null) {
          var n = f.numeric();
          summary = String.format(Locale.ROOT, "mean %.4g  std %.4g  min %.4g  median %.4g  max %.4g  zeros %d%s",
              n.mean(), n.std(), n.min(), n.median(), n.max(), n.zeros(),
              n.nan() + n.infinite() > 0 ? "  nan " + n.nan() + "  inf " + n.infinite() : "");
        } else if (f.strings() != null) {
          var s = f.strings();
          summary = "distinct " + s.distinct() + "  top " + s.topValues().stream().limit(3)
              .map(v -> v.value() + " (" + v.count() + ")").toList()
              + (s.invalidUtf8() > 0 ? "  invalid utf-8 " + s.invalidUtf8() : "");
        } else {
          summary = "no present values";
        }
        out.printf(Locale.ROOT, "%-24s %-6s %10d %8d  %s%n", f.name(), f.type(), f.count(), f.missing(), summary);
      }
    }
  }

  /**
   * Reads FILE (CSV, Parquet or JSON lines) or a registered dataset NAME[@VERSION] into memory.
   *
   * @throws NotFoundException naming the argument when it is neither a file nor a known name
   */
  static Table read(String fileOrName, Path home) {
    Path file = Path.of(fileOrName);
    try (DataEngine engine = DataEngine.open()) {
      if (Files.exists(file)) {
        return engine.table(DataSource.of(file, CsvOptions.defaults()));
      }
      try (Stores stores = Stores.open(home)) {
        Artifact a = resolve(stores.metadata(), fileOrName);
        return engine.table(new DataSource.Parquet(stores.artifacts().path(a.digest())));
      }
    }
  }

  /** NAME (newest version) or NAME@VERSION, VERSION a digest prefix of at least 6 hex digits. */
  static Artifact resolve(MetadataStore metadata, String ref) {
    int at = ref.indexOf('@');
    String name = at < 0 ? ref : ref.substring(0, at);
    String version = at < 0 ? null : ref.substring(at + 1);
    List<Artifact> named = metadata.artifactsByType(DATASET).stream()
        .filter(a -> name.equals(a.properties().get("name"))).toList();
    if (named.isEmpty()) {
      throw new NotFoundException("no dataset named '" + name + "' (and no such file); see slipway data list");
    }
    if (version == null) {
      return named.get(named.size() - 1);
    }
    List<Artifact> matches = named.stream().filter(a -> a.digest().startsWith(version.toLowerCase(Locale.ROOT))).toList();
    if (matches.size() != 1) {
      throw new NotFoundException("dataset '" + name + "' has " + (matches.isEmpty() ? "no" : matches.size())
          + " versions starting with '" + version + "'; versions are "
          + named.stream().map(a -> a.digest().substring(0, 12)).toList());
    }
    return matches.get(0);
  }

  private static void requireName(String name) {
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(new DataCommand()), "--name must be letters, digits, '_', '.', '-', got '" + name + "'");
    }
  }

  /** Runs an action; a read or input error is one line on stderr and exit code 2. */
  private static int guarded(CommandSpec spec, IoAction action) {
    try {
      return action.run();
    } catch (InvalidInputException | NotFoundException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return READ_ERROR;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface IoAction {
    int run() throws IOException;
  }
}
