package dev.slipway.data;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

/**
 * Splits a table into train and eval rows, reproducibly and optionally stratified.
 *
 * <p>Algorithm (part of the contract, so that a recorded seed replays the same split on any JVM):
 * rows are grouped into strata by the text of the stratify column (missing values form their own
 * stratum), strata taken in order of first appearance; without a stratify column all rows form
 * one stratum. One {@code new java.util.Random(seed)} — whose generator the JDK specifies — then
 * shuffles each stratum's row indices in turn by Fisher–Yates ({@code for i = n-1 down to 1: swap
 * i with random.nextInt(i + 1)}, the loop of {@code Collections.shuffle}), and the first {@code
 * Math.round(evalFraction * n)} shuffled rows of a stratum go to eval. Both splits list their
 * rows in the original order. Stateless and thread-safe.
 */
public final class Splitter {
  /** The seed pipelines use when none is given. */
  public static final long DEFAULT_SEED = 42L;

  private Splitter() {}

  /**
   * Splits the table.
   *
   * @param evalFraction the share of each stratum held out for eval, strictly between 0 and 1
   * @param seed the seed of the shuffle; the same seed gives the same split
   * @param stratifyColumn the column whose value proportions both splits should keep (usually the
   *     label of a classification task), or null for a plain random split
   * @throws InvalidInputException when the fraction is out of range, the column does not exist,
   *     or either split would have no rows
   */
  public static Split split(Table table, double evalFraction, long seed, String stratifyColumn) {
    Objects.requireNonNull(table, "table");
    if (!(evalFraction > 0 && evalFraction < 1)) {
      throw new InvalidInputException(
          "eval fraction must be strictly between 0 and 1, got " + evalFraction);
    }
    List<int[]> strata =
        stratifyColumn == null ? List.of(range(table.rowCount())) : strata(table.column(stratifyColumn));
    Random random = new Random(seed);
    boolean[] isEval = new boolean[table.rowCount()];
    int evalRows = 0;
    for (int[] rows : strata) {
      shuffle(rows, random);
      long count = Math.round(evalFraction * rows.length);
      for (int i = 0; i < count; i++) {
        isEval[rows[i]] = true;
      }
      evalRows += (int) count;
    }
    int trainRows = table.rowCount() - evalRows;
    if (evalRows == 0 || trainRows == 0) {
      throw new InvalidInputException(
          String.format(
              "splitting %d rows with eval fraction %s leaves the %s split empty; use more rows"
                  + " or a fraction nearer 0.5",
              table.rowCount(), evalFraction, evalRows == 0 ? "eval" : "train"));
    }
    return new Split(table.take(select(isEval, false, trainRows)), table.take(select(isEval, true, evalRows)));
  }

  private static List<int[]> strata(Column column) {
    Map<String, List<Integer>> byValue = new LinkedHashMap<>();
    for (int row = 0; row < column.size(); row++) {
      byValue.computeIfAbsent(column.text(row), k -> new ArrayList<>()).add(row);
    }
    List<int[]> strata = new ArrayList<>(byValue.size());
    for (List<Integer> rows : byValue.values()) {
      strata.add(rows.stream().mapToInt(Integer::intValue).toArray());
    }
    return strata;
  }

  private static int[] range(int n) {
    int[] rows = new int[n];
    for (int i = 0; i < n; i++) {
      rows[i] = i;
    }
    return rows;
  }

  private static void shuffle(int[] rows, Random random) {
    for (int i = rows.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = rows[i];
      rows[i] = rows[j];
      rows[j] = t;
    }
  }

  private static int[] select(boolean[] isEval, boolean wanted, int count) {
    int[] rows = new int[count];
    int k = 0;
    for (int row = 0; row < isEval.length; row++) {
      if (isEval[row] == wanted) {
        rows[k++] = row;
      }
    }
    return rows;
  }
}
