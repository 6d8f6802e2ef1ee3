/**
 * The data engine: an in-process DuckDB that reads CSV, Parquet, JSON lines and JDBC queries,
 * writes byte-deterministic Parquet snapshots, splits datasets by hash or time, and computes
 * {@link dev.slipway.core.Statistics} by SQL without holding the rows in the JVM heap. The entry
 * point is {@link dev.slipway.data.engine.DataEngine}; sources are {@link
 * dev.slipway.data.engine.DataSource}s.
 */
package dev.slipway.data.engine;
