package dev.slipway.pipeline;

import dev.slipway.data.engine.DataEngine;

/**
 * The data engine that the steps of one pipeline run share for small reads and writes (a split
 * read into memory, a table written as Parquet), so that each of them does not pay for starting a
 * DuckDB database (about 15 ms on a 2-core machine). Opened on first use with one thread — as
 * {@code DataEngine.open(1)} — and closed by whoever created it: the executor at the end of a run.
 *
 * <p>Not thread-safe, like {@link DataEngine}: the executor runs one step at a time. Work that
 * needs every core (ingest, statistics, rule-based splits) still opens its own engine.
 */
public final class RunEngine implements AutoCloseable {
  private DataEngine engine;
  private boolean closed;

  /** The engine, opened on the first call. */
  public DataEngine get() {
    if (closed) {
      throw new IllegalStateException("the pipeline run's data engine is closed");
    }
    if (engine == null) {
      engine = DataEngine.open(1);
    }
    return engine;
  }

  /** Closes the engine if it was opened; later calls to {@link #get} fail. */
  @Override
  public void close() {
    closed = true;
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
