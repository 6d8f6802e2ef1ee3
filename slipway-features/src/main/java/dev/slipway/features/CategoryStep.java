package dev.slipway.features;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A categorical encoding over a fitted vocabulary, of one column or of the cross of several (the
 * crossed value of a row is its columns' text joined with {@value #CROSS}). Every row falls in one
 * slot: a kept value ({@code values}, in order), the {@code <rare>} slot (a training value that was
 * dropped for being rarer than {@code min_frequency} or beyond {@code max_categories}; present only
 * when there was one), or the {@code <unseen>} slot (a missing value, or one never seen in
 * training). {@code one_hot} writes one column per slot; {@code index} writes the slot number.
 *
 * @param columns the input columns, more than one for a cross
 * @param prepare rewrites applied to each input column first, one list per column
 * @param values the kept values, in slot order
 * @param rare the training values dropped into the {@code <rare>} slot, in code-point order
 * @param encoding {@code one_hot} or {@code index}
 */
record CategoryStep(
    List<String> columns,
    List<List<ColumnPrep>> prepare,
    List<String> values,
    List<String> rare,
    String encoding)
    implements TransformGraph.Step {

  static final String CROSS = "*";
  static final String ONE_HOT = "one_hot";
  static final String INDEX = "index";

  CategoryStep {
    columns = List.copyOf(columns);
    prepare = prepare.stream().map(List::copyOf).toList();
    values = List.copyOf(values);
    rare = List.copyOf(rare);
    if (!ONE_HOT.equals(encoding) && !INDEX.equals(encoding)) {
      throw new InvalidInputException(
          "categorical encoding '" + encoding + "' is not supported; expected one_hot or index");
    }
  }

  @Override
  public List<String> inputColumns() {
    return columns;
  }

  private String name() {
    return String.join(CROSS, columns);
  }

  @Override
  public List<String> outputNames() {
    if (INDEX.equals(encoding)) {
      return List.of(name());
    }
    List<String> names = new ArrayList<>(values.size() + 2);
    for (String value : values) {
      names.add(name() + "=" + value);
    }
    if (!rare.isEmpty()) {
      names.add(name() + "=<rare>");
    }
    names.add(name() + "=" + TransformGraph.UNSEEN);
    return names;
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < values.size(); i++) {
      index.put(values.get(i), i);
    }
    Set<String> rareSet = new HashSet<>(rare);
    int rareSlot = values.size();
    int unseen = values.size() + (rare.isEmpty() ? 0 : 1);
    String[] keys = keys(rows);
    for (int r = 0; r < keys.length; r++) {
      String key = keys[r];
      int slot =
          key == null
              ? unseen
              : index.getOrDefault(key, rareSet.contains(key) ? rareSlot : unseen);
      if (INDEX.equals(encoding)) {
        out[r * stride + offset] = slot;
      } else {
        out[r * stride + offset + slot] = 1.0;
      }
    }
  }

  /** The (crossed) value of each row after preparation; null when any part is missing. */
  String[] keys(Table rows) {
    List<Column> inputs = new ArrayList<>(columns.size());
    for (int c = 0; c < columns.size(); c++) {
      inputs.add(ColumnPrep.prepare(rows.column(columns.get(c)), prepare.get(c)));
    }
    String[] keys = new String[rows.rowCount()];
    for (int r = 0; r < keys.length; r++) {
      StringBuilder key = new StringBuilder();
      for (int c = 0; c < inputs.size() && key != null; c++) {
        String part = inputs.get(c).text(r);
        if (part == null) {
          key = null;
        } else {
          key.append(c == 0 ? "" : CROSS).append(part);
        }
      }
      keys[r] = key == null ? null : key.toString();
    }
    return keys;
  }
}
