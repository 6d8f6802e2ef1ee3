package dev.slipway.pipeline.components;

import dev.slipway.core.Table;
import dev.slipway.data.Split;
import dev.slipway.data.Splitter;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
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
  private static final ComponentSpec SPEC =
      new ComponentSpec("split", "1", Set.of("dataset"), Map.of("train", ArtifactTypes.DATASET_SPLIT, "eval", ArtifactTypes.DATASET_SPLIT));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  static final long DEFAULT_SEED = 42;

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
