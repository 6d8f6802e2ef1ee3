package dev.slipway.pipeline.components;

import dev.slipway.core.Table;
import dev.slipway.data.Split;
import dev.slipway.data.Splitter;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.util.Map;
import java.util.Set;

/**
 * Splits a dataset into train and eval, deterministically for a seed. Parameters:
 * {@code eval_fraction} (default 0.2), {@code seed} (default 42), {@code stratify_by} (optional
 * column, usually the label, whose class proportions both splits keep).
 */
public final class SplitComponent implements Component {
  static final long DEFAULT_SEED = 42;

  @Override
  public String name() {
    return "split";
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
    return Map.of("train", ArtifactTypes.DATASET_SPLIT, "eval", ArtifactTypes.DATASET_SPLIT);
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    Table table = Tables.read(context.input("dataset"));
    double fraction = context.number("eval_fraction", 0.2);
    long seed = context.integer("seed", DEFAULT_SEED);
    Split split = Splitter.split(table, fraction, seed, context.string("stratify_by", null));
    context.progress().accept(split.train().rowCount() + " train / " + split.eval().rowCount() + " eval rows");
    return Map.of(
        "train", Tables.write(split.train(), context.newOutputFile(".csv"), Map.of("split", "train")),
        "eval", Tables.write(split.eval(), context.newOutputFile(".csv"), Map.of("split", "eval")));
  }
}
