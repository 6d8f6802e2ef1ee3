package dev.slipway.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * An in-memory, column-oriented table: the form in which a split of a dataset moves between
 * stages and in which a batch of prediction requests reaches a model. All columns have the same
 * number of rows and distinct names.
 */
public record Table(List<Column> columns) {

  public Table {
    columns = List.copyOf(columns);
    Set<String> seen = new HashSet<>();
    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
    for (Column c : columns) {
      if (!seen.add(c.name())) {
        throw new InvalidInputException("duplicate column name '" + c.name() + "'");
      }
      if (c.size() != rows) {
        throw new IllegalArgumentException(
            "column '" + c.name() + "' has " + c.size() + " rows, expected " + rows);
      }
    }
  }

  public int rowCount() {
    return columns.isEmpty() ? 0 : columns.get(0).size();
  }

  public List<String> names() {
    return columns.stream().map(Column::name).toList();
  }

  public Optional<Column> find(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
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
}
