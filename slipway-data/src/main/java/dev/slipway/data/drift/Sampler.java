package dev.slipway.data.drift;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaInference;
import dev.slipway.data.Split;
import dev.slipway.data.Splitter;
import java.util.Objects;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Draws a reproducible random sample of a table and reports how alike it is to the rest (MLOps at
 * Scale, ch. 4: a sample must be statistically like the whole).
 *
 * <p>The sample is {@link Splitter}'s eval side with fraction rows/N and the seed, so the same
 * seed draws the same rows on any JVM. It is compared with the rows <em>not</em> drawn (two
 * independent samples, as the tests assume) by {@link DriftDetector} with default thresholds: KS
 * per numeric feature, chi-squared per categorical one, Bonferroni-corrected at 0.05. The combined
 * verdict is "similar" when no test rejects. Stateless and thread-safe.
 */
public final class Sampler {
  private Sampler() {}

  /**
   * The sample and its similarity to the remaining rows.
   *
   * @param sample the drawn rows, in their original order
   * @param similarity per-feature tests, sample (current) against the remainder (baseline)
   * @param similar true when no feature's test rejected at the corrected level
   */
  public record Sample(Table sample, DriftReport similarity, boolean similar) {}

  /**
   * Draws {@code rows} rows with the seed.
   *
   * @throws InvalidInputException when rows is not between 1 and the table's row count - 1
   */
  public static Sample draw(Table table, int rows, long seed) {
    Objects.requireNonNull(table, "table");
    int n = table.rowCount();
    if (rows < 1 || rows >= n) {
      throw new InvalidInputException(
          "--rows is " + rows + " but the table has " + n + " rows; ask for 1 to " + (n - 1));
    }
    Split split = Splitter.split(table, (double) rows / n, seed, null);
    Schema schema = SchemaInference.infer(table);
    DriftReport report = DriftDetector.compare(split.train(), split.eval(), schema, Comparison.DRIFT);
    double level = Limits.DEFAULT_P_VALUE / Math.max(1, report.pValueTests());
    boolean similar = report.features().stream()
        .map(f -> f.ks() != null ? f.ks() : f.chiSquared())
        .filter(Objects::nonNull)
        .allMatch(r -> r.pValue() >= level);
    return new Sample(split.eval(), report, similar);
  }

  /**
   * Rows needed to estimate a proportion (e.g. accuracy) within ±margin at the given confidence:
   * n₀ = z²·p(1−p)/margin² with the worst case p = ½ (Cochran), reduced by the finite-population
   * correction n = n₀ / (1 + (n₀ − 1)/N).
   *
   * @param population rows available (N)
   * @param confidence e.g. 0.95
   * @param margin e.g. 0.05
   */
  public static long rowsFor(long population, double confidence, double margin) {
    if (!(confidence > 0 && confidence < 1) || !(margin > 0 && margin < 1)) {
      throw new InvalidInputException(
          "confidence and margin must be strictly between 0 and 1, got " + confidence + " and " + margin);
    }
    double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
    double n0 = z * z * 0.25 / (margin * margin);
    return (long) Math.ceil(n0 / (1 + (n0 - 1) / population));
  }
}
