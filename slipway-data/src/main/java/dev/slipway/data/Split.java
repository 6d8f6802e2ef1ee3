package dev.slipway.data;

import dev.slipway.core.Table;
import java.util.Objects;

/**
 * A dataset divided by {@link Splitter} into a training part and an evaluation part, each
 * keeping the original relative order of its rows.
 *
 * @param train the rows to fit on
 * @param eval the held-out rows
 */
public record Split(Table train, Table eval) {
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(eval, "eval");
  }
}
