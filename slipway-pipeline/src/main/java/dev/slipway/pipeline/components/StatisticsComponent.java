package dev.slipway.pipeline.components;

import dev.slipway.core.Statistics;
import dev.slipway.data.StatisticsCalculator;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.DataSource;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import dev.slipway.pipeline.InputArtifact;
import java.util.Map;
import java.util.Set;

/** Computes per-column statistics of a dataset split (JSON of {@link Statistics}). */
public final class StatisticsComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("statistics", "2", Set.of("dataset"), Map.of("statistics", ArtifactTypes.STATISTICS));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    InputArtifact input = context.input("dataset");
    Statistics stats;
    if (Tables.isParquet(input)) {
      try (DataEngine engine = DataEngine.open()) {
        stats = engine.statistics(new DataSource.Parquet(input.file())); // SQL over the snapshot, streaming
      }
    } else {
      stats = StatisticsCalculator.compute(Tables.read(context, "dataset"));
    }
    long missing = stats.features().stream().mapToLong(Statistics.Feature::missing).sum();
    context.progress().accept(stats.features().size() + " features, " + missing + " missing values");
    return Map.of("statistics", new StepOutput(context.writeJson(stats), Map.of("rows", Long.toString(stats.rows()))));
  }
}
