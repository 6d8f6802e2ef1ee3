package dev.slipway.core;

/**
 * One named column of a {@link Table}. A column is numeric (missing = NaN) or string
 * (missing = null); that is all the type information the in-memory form keeps. Columns are
 * treated as immutable: implementations never expose their arrays for writing.
 */
public sealed interface Column permits NumericColumn, StringColumn {
  String name();

  int size();

  boolean isMissing(int row);

  /** A new column holding the given rows, in the given order. */
  Column take(int[] rows);

  /** The value at a row as text, or null when missing; integral numbers print without ".0". */
  String text(int row);
}
