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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Splits a dataset into train, eval and — when asked — test, written as Parquet. Parameter {@code
 * method}:
 *
 * <ul>
 *   <li>{@code random} (default): a seeded shuffle, {@code eval_fraction} (default 0.2), {@code
 *       seed} (default {@value #DEFAULT_SEED}), {@code stratify_by} (optional column, usually the
 *       label, whose class proportions every split keeps); with {@code test_fraction} the held-out
 *       share {@code eval_fraction + test_fraction} is split off first (as without a test split)
 *       and then split again, with the same seed, {@code test_fraction / (eval_fraction +
 *       test_fraction)} of it going to test;
 *   <li>{@code hash}: by a stable hash of the {@code key} column (an id), {@code eval_fraction}
 *       (default 0.2), {@code test_fraction} (optional) — the same key always lands in the same
 *       split, across runs and added rows (see {@link SplitRule.Hash});
 *   <li>{@code time}: by the date or timestamp column {@code column}: rows before {@code
 *       eval_from} (an ISO date or timestamp) train, the rest eval — or, with {@code test_from},
 *       rows from {@code test_from} on test; every row must be dated.
 * </ul>
 *
 * <p>The {@code test} output is optional: written only when {@code test_fraction} or {@code
 * test_from} is set, and then it must not be empty. Without them the outputs are byte for byte
 * those of version 2.
 *
 * <p>Version 3: the optional test split. Version 2: Parquet outputs (version 1 wrote CSV) and the
 * hash and time methods.
 */
public final class SplitComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("split", "3", Set.of("dataset"),
          Map.of("train", ArtifactTypes.DATASET_SPLIT, "eval", ArtifactTypes.DATASET_SPLIT),
          Set.of(), Map.of("test", ArtifactTypes.DATASET_SPLIT));

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
          context.requiredString("key"), context.number("eval_fraction", 0.2), testFraction(context)));
      case "time" -> byRule(context, method, new SplitRule.Time(
          context.requiredString("column"), context.requiredString("eval_from"), context.string("test_from", null)));
      default -> throw new InvalidInputException("step '" + context.step() + "' parameter 'method' is '"
          + method + "'; expected random, hash or time");
    };
  }

  /** {@code test_fraction}, 0 when absent (no test split); when given it must lie in (0, 1). */
  private static double testFraction(StepContext context) {
    double test = context.number("test_fraction", 0);
    if (context.params().containsKey("test_fraction") && !(test > 0 && test < 1)) {
      throw new InvalidInputException("step '" + context.step() + "' parameter 'test_fraction' is " + test
          + "; expected a share strictly between 0 and 1, or leave it out for no test split");
    }
    return test;
  }

  private static Map<String, StepOutput> random(StepContext context) {
    Table table = Tables.read(context, "dataset");
    double evalFraction = context.number("eval_fraction", 0.2);
    double testFraction = testFraction(context);
    long seed = context.integer("seed", DEFAULT_SEED);
    String stratify = context.string("stratify_by", null);
    if (testFraction > 0 && !(evalFraction > 0 && evalFraction + testFraction < 1)) {
      throw new InvalidInputException("step '" + context.step() + "' parameters 'eval_fraction' " + evalFraction
          + " and 'test_fraction' " + testFraction + " must be positive and add up to less than 1");
    }
    Split split = Splitter.split(table, evalFraction + testFraction, seed, stratify);
    Map<String, Table> parts = new LinkedHashMap<>();
    parts.put("train", split.train());
    if (testFraction > 0) {
      Split heldOut = Splitter.split(split.eval(), testFraction / (evalFraction + testFraction), seed, stratify);
      parts.put("eval", heldOut.train());
      parts.put("test", heldOut.eval());
    } else {
      parts.put("eval", split.eval());
    }
    Map<String, StepOutput> outputs = new LinkedHashMap<>();
    DataEngine engine = context.engine().get();
    parts.forEach((name, part) -> outputs.put(name,
        Tables.writeParquet(engine, part, context.newOutputFile(".parquet"), Map.of("split", name))));
    Map<String, Long> rows = new LinkedHashMap<>();
    parts.forEach((name, part) -> rows.put(name, (long) part.rowCount()));
    context.progress().accept(describe(rows, null));
    return outputs;
  }

  private static Map<String, StepOutput> byRule(StepContext context, String method, SplitRule rule) {
    boolean withTest = switch (rule) {
      case SplitRule.Hash h -> h.testFraction() > 0;
      case SplitRule.Time t -> t.testFrom() != null;
    };
    Map<String, Path> files = new LinkedHashMap<>();
    files.put("train", context.newOutputFile(".parquet"));
    files.put("eval", context.newOutputFile(".parquet"));
    if (withTest) {
      files.put("test", context.newOutputFile(".parquet"));
    }
    Map<String, Long> rows;
    try (DataEngine engine = DataEngine.open()) {
      rows = engine.split(Tables.source(context.input("dataset")), rule, files.get("train"), files.get("eval"),
          files.get("test"));
    } catch (InvalidInputException e) {
      throw new InvalidInputException("step '" + context.step() + "' (" + method + " split): " + e.getMessage(), e);
    }
    if (withTest && rows.get("test") == 0) {
      throw new InvalidInputException("step '" + context.step() + "' (" + method + " split): the test split "
          + "would be empty; " + (method.equals("time") ? "move 'test_from' earlier" : "raise 'test_fraction'")
          + " or leave it out for no test split");
    }
    context.progress().accept(describe(rows, method));
    Map<String, StepOutput> outputs = new LinkedHashMap<>();
    DataEngine engine = context.engine().get();
    files.forEach((name, file) -> outputs.put(name,
        Tables.parquetOutput(engine, file, rows.get(name), Map.of("split", name, "method", method))));
    return outputs;
  }

  /** "800 train / 200 eval rows", with " / 100 test" when there is a test split and the method. */
  private static String describe(Map<String, Long> rows, String method) {
    StringBuilder s = new StringBuilder(rows.get("train") + " train / " + rows.get("eval") + " eval");
    if (rows.containsKey("test")) {
      s.append(" / ").append(rows.get("test")).append(" test");
    }
    s.append(" rows");
    return method == null ? s.toString() : s.append(" (").append(method).append(')').toString();
  }
}
