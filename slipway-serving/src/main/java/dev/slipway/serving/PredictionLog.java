package dev.slipway.serving;

import java.util.List;

/**
 * Where the model server records every predicted row, for monitoring, drift detection and audit.
 *
 * <p>The server appends a request's records before it answers the request, so a row that was
 * answered has been handed to the log. If appending fails the request fails with HTTP 500:
 * an unlogged prediction is treated as a failed one. Implementations must be thread-safe; the
 * server does not close the log it was given (its creator does, after closing the server).
 */
public interface PredictionLog extends AutoCloseable {

  /** Records one row; throws {@link java.io.UncheckedIOException} when the record cannot be kept. */
  void append(PredictionRecord record);

  /**
   * Records the rows of one request, kept together and durable (as far as the implementation
   * offers durability) when this returns. The default appends them one by one.
   */
  default void appendAll(List<PredictionRecord> records) {
    for (PredictionRecord r : records) {
      append(r);
    }
  }

  /** Closes the underlying resource; later appends fail. Does not throw checked exceptions. */
  @Override
  void close();

  /** A log that keeps nothing, for servers whose predictions need no record (tests, demos). */
  static PredictionLog discarding() {
    return new PredictionLog() {
      @Override
      public void append(PredictionRecord record) {}

      @Override
      public void close() {}
    };
  }
}
