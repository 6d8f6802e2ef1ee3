package dev.slipway.train.evaluation;

import java.util.List;

/**
 * The outcome of model validation (TFX's ModelBlessing with TFMA's ValidationResult): blessed
 * when every threshold checked passed.
 *
 * @param blessed whether the candidate may be released
 * @param baseline the baseline model compared against (e.g. {@code credit:3}), or null
 * @param checked how many thresholds were checked
 * @param reasons one readable sentence per failed threshold, naming metric, slice, value and
 *     threshold; empty when blessed
 * @param notes thresholds skipped and why (e.g. change thresholds on a first run)
 */
public record Blessing(boolean blessed, String baseline, int checked, List<String> reasons, List<String> notes) {
  public Blessing {
    reasons = List.copyOf(reasons);
    notes = List.copyOf(notes);
  }

  /** The reasons as one line, for error messages. */
  public String summary() {
    return blessed ? "blessed" : String.join("; ", reasons);
  }
}
