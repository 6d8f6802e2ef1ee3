package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import java.util.Objects;

/**
 * How {@link DataEngine#split} assigns rows to train, eval and test; both rules are functions of
 * a row's own values, so they are reproducible without a seed and stable when rows are added.
 */
public sealed interface SplitRule permits SplitRule.Hash, SplitRule.Time {

  /**
   * By a stable hash of a key column: {@code u = int(first 8 hex digits of md5(text of key)) /
   * 2^32}; eval when {@code u < evalFraction}, test when {@code u < evalFraction + testFraction},
   * else train. A missing key hashes as the empty string. MD5 is fixed by RFC 1321, so the same
   * key lands in the same split on any engine version.
   */
  record Hash(String keyColumn, double evalFraction, double testFraction) implements SplitRule {
    public Hash {
      Objects.requireNonNull(keyColumn, "keyColumn");
      if (!(evalFraction > 0) || testFraction < 0 || evalFraction + testFraction >= 1) {
        throw new InvalidInputException(String.format(
            "hash split fractions must satisfy eval > 0, test >= 0, eval + test < 1; got eval %s test %s",
            evalFraction, testFraction));
      }
    }
  }

  /**
   * By a date or timestamp column: rows before {@code evalFrom} are train, from {@code evalFrom}
   * up to {@code testFrom} eval, from {@code testFrom} on test ({@code testFrom} may be null: no
   * test split). Cutoffs are ISO dates or timestamps; a row without a time is an error.
   */
  record Time(String column, String evalFrom, String testFrom) implements SplitRule {
    public Time {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(evalFrom, "evalFrom");
    }
  }
}
