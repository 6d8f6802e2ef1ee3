package dev.slipway.data;

import dev.slipway.core.Statistics;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Statistics of a dataset and of each of its slices (TFDV's slicing): the rows sharing one value
 * of {@code sliceColumn}. Slices are ordered most rows first; missing values form the slice
 * {@code "(missing)"}.
 *
 * @param sliceColumn the column whose values define the slices
 * @param overall statistics of all rows
 * @param slices statistics per slice value
 */
public record SlicedStatistics(String sliceColumn, Statistics overall, Map<String, Statistics> slices) {
  public SlicedStatistics {
    Objects.requireNonNull(sliceColumn, "sliceColumn");
    Objects.requireNonNull(overall, "overall");
    slices = Collections.unmodifiableMap(new LinkedHashMap<>(slices));
  }
}
