package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import dev.slipway.data.Split;
import dev.slipway.data.Splitter;
import dev.slipway.data.engine.DataEngine;
import dev.slipway.data.engine.SplitRule;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Splits a dataset into train and eval, written as Parquet. Parameter {@code method}:
 *
 * <ul>
 *   <li>{@code random} (default): a seeded shuffle, {@code eval_fraction} (default 0.2), {@code
 *       seed} (default {@value #DEFAULT_SEED}), {@code stratify_by} (optional column, usually the
 *       label, whose class proportions both splits keep);
 *   <li>{@code hash}: by a stable hash of the {@code key} column (an id), {@code eval_fraction}
 *       (default 0.2) — the same key always lands in the same split, across runs and added rows;
 *   <li>{@code time}: by the date or timestamp column {@code column}: rows before {@code
 *       eval_from} (an ISO date or timestamp) train, the rest eval; every row must be dated.
 * </ul>
 *
 * <p>Version 2: Parquet outputs (version 1 wrote CSV) and the hash and time methods.
 */
public final class SplitComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("split", "2", Set.of("dataset"), Map.of("train", ArtifactTypes.DATASET_SPLIT, "eval", ArtifactTypes.DATASET_SPLIT));

  static final long DEFAULT_SEED = 42;

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String method = context.string("method", "random");
    return switch (method) {
      case "random" -> random(context);
      case "hash" -> byRule(context, method, new SplitRule.Hash(
          context.requiredString("key"), context.number("eval_fraction", 0.2), 0));
      case "time" -> byRule(context, method, new SplitRule.Time(
          context.requiredString("column"), context.requiredString("eval_from"), null));
      default -> throw new InvalidInputException("step '" + context.step() + "' parameter 'method' is '"
          + method + "'; expected random, hash or time");
    };
  }

  private static Map<String, StepOutput> random(StepContext context) {
    Table table = Tables.read(context.input("dataset"));
    double fraction = context.number("eval_fraction", 0.2);
    long seed = context.integer("seed", DEFAULT_SEED);
    Split split = Splitter.split(table, fraction, seed, context.string("stratify_by", null));
    context.progress().accept(split.train().rowCount() + " train / " + split.eval().rowCount() + " eval rows");
    return Map.of(
        "train", Tables.writeParquet(split.train(), context.newOutputFile(".parquet"), Map.of("split", "train")),
        "eval", Tables.writeParquet(split.eval(), context.newOutputFile(".parquet"), Map.of("split", "eval")));
  }

  private static Map<String, StepOutput> byRule(StepContext context, String method, SplitRule rule) {
    Path train = context.newOutputFile(".parquet");
    Path eval = context.newOutputFile(".parquet");
    Map<String, Long> rows;
    try (DataEngine engine = DataEngine.open()) {
      rows = engine.split(Tables.source(context.input("dataset")), rule, train, eval, null);
    } catch (InvalidInputException e) {
      throw new InvalidInputException("step '" + context.step() + "' (" + method + " split): " + e.getMessage(), e);
    }
    context.progress().accept(rows.get("train") + " train / " + rows.get("eval") + " eval rows (" + method + ")");
    return Map.of(
        "train", Tables.parquetOutput(train, rows.get("train"), Map.of("split", "train", "method", method)),
        "eval", Tables.parquetOutput(eval, rows.get("eval"), Map.of("split", "eval", "method", method)));
  }
}
