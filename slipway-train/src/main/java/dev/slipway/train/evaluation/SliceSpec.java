package dev.slipway.train.evaluation;

import dev.slipway.core.InvalidInputException;
import java.util.Arrays;
import java.util.List;

/**
 * How to slice: by the values of one column, or of a cross of several (TFMA's {@code
 * SlicingSpec.feature_keys}). A slice is named {@code column=value}, or for a cross {@code
 * a=x, b=y}; a missing value reads {@value #MISSING}.
 *
 * @param columns one column, or several for a feature cross
 */
public record SliceSpec(List<String> columns) {
  /** How a missing value appears in a slice name. */
  public static final String MISSING = "(missing)";

  public SliceSpec {
    columns = List.copyOf(columns);
    if (columns.isEmpty() || columns.stream().anyMatch(String::isBlank)) {
      throw new InvalidInputException("a slice names at least one column, e.g. personal_status");
    }
  }

  /** Parses {@code column} or a cross {@code a,b} (as {@code --slice} takes it). */
  public static SliceSpec parse(String text) {
    return new SliceSpec(Arrays.stream(text.split(",")).map(String::strip).toList());
  }

  /** The spec's name: its columns joined by {@code ,}. */
  public String name() {
    return String.join(",", columns);
  }
}
