package dev.slipway.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory, column-oriented table: the form in which a split of a dataset moves between
 * stages and in which a batch of prediction requests reaches a model. All columns have the same
 * number of rows and distinct names. Immutable; columns are found by name in constant time (a
 * transform looks up every column of a 784-pixel image table many times).
 */
public final class Table {
  private final List<Column> columns;
  private final Map<String, Column> byName;

  public Table(List<Column> columns) {
    this.columns = List.copyOf(columns);
    this.byName = new HashMap<>(columns.size() * 2);
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (Column c : this.columns) {
      if (byName.put(c.name(), c) != null) {
        throw new InvalidInputException("duplicate column name '" + c.name() + "'");
      }
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
      }
    }
  }

  /** The columns, in order. */
  public List<Column> columns() {
    return columns;
  }

  public int rowCount() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The named column; fails naming the column and the ones that exist. */
  public Column column(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "no column '" + name + "'; the columns are " + String.join(", ", names())));
  }

  /** A new table with the given rows, in the given order. */
  public Table take(int[] rows) {
    List<Column> out = new ArrayList<>(columns.size());
    for (Column c : columns) {
      out.add(c.take(rows));
    }
    return new Table(out);
  }

  /** A new table without the named column (unchanged if absent). */
  public Table without(String name) {
    return new Table(columns.stream().filter(c -> !c.name().equals(name)).toList());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Table other && columns.equals(other.columns);
  }

  @Override
  public int hashCode() {
    return columns.hashCode();
  }

  @Override
  public String toString() {
    return "Table[columns=" + columns + "]";
  }
}
