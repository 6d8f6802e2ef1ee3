package dev.slipway.pipeline.components;

import dev.slipway.core.Json;
import dev.slipway.core.Statistics;
import dev.slipway.data.StatisticsCalculator;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** Computes per-column statistics of a dataset split (JSON of {@link Statistics}). */
public final class StatisticsComponent implements Component {

  @Override
  public String name() {
    return "statistics";
  }

  @Override
  public String version() {
    return "1";
  }

  @Override
  public Set<String> inputs() {
    return Set.of("dataset");
  }

  @Override
  public Map<String, String> outputs() {
    return Map.of("statistics", ArtifactTypes.STATISTICS);
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    Statistics stats = StatisticsCalculator.compute(Tables.read(context.input("dataset")));
    long missing = stats.features().stream().mapToLong(Statistics.Feature::missing).sum();
    context.progress().accept(stats.features().size() + " features, " + missing + " missing values");
    return Map.of("statistics", new StepOutput(writeJson(context, stats), Map.of("rows", Long.toString(stats.rows()))));
  }

  static Path writeJson(StepContext context, Object value) {
    Path file = context.newOutputFile(".json");
    try {
      Files.write(file, Json.bytes(value));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}
