package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * How the metadata schema encodes values (see {@code V1__initial_schema.sql}): timestamps as BIGINT
 * microseconds since the epoch, optional ids as nullable BIGINT, string maps as JSON text, ids from
 * the {@code id_sequences} table.
 */
final class Columns {
  private static final long MICROS_PER_SECOND = 1_000_000L;

  private Columns() {}

  /** Microseconds since the epoch, rounding down like {@code truncatedTo(MICROS)}. */
  static long micros(Instant t) {
    return Math.addExact(
        Math.multiplyExact(t.getEpochSecond(), MICROS_PER_SECOND), t.getNano() / 1000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, MICROS_PER_SECOND), Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
  }

  /** The instant as the store will return it: truncated to microseconds. */
  static Instant stored(Instant t) {
    return instant(micros(t));
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? null : instant(micros);
  }

  static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }

  static Map<String, String> map(ResultSet rs, String column) throws SQLException {
    return StringMaps.fromJson(rs.getString(column));
  }

  /** Allocates the next id of {@code sequence}; the row lock lasts until the transaction ends. */
  static long nextId(Handle h, String sequence) {
    int updated =
        h.createUpdate("UPDATE id_sequences SET last_id = last_id + 1 WHERE name = :name")
            .bind("name", sequence)
            .execute();
    if (updated != 1) {
      throw new IllegalStateException("metadata schema has no id sequence '" + sequence + "'");
    }
    return h.createQuery("SELECT last_id FROM id_sequences WHERE name = :name")
        .bind("name", sequence)
        .mapTo(Long.class)
        .one();
  }

  /**
   * Moves row {@code id} of {@code table} (pipeline_runs, experiment_runs or executions) from
   * RUNNING to {@code state}. Finished rows are history: finishing one again is an error naming
   * its state, and an absent row is a NotFoundException naming the {@code noun} and id.
   *
   * @param detail appended to "noun id" in the already-finished message, e.g. the step's name
   */
  static void finishRunning(
      Handle h, String table, String noun, long id, String state, Instant at, Supplier<String> detail) {
    int updated =
        h.createUpdate(
                "UPDATE " + table + " SET state = :state, finished_at = :at"
                    + " WHERE id = :id AND state = 'RUNNING'")
            .bind("state", state)
            .bind("at", micros(at))
            .bind("id", id)
            .execute();
    if (updated == 0) {
      String current =
          h.createQuery("SELECT state FROM " + table + " WHERE id = :id")
              .bind("id", id)
              .mapTo(String.class)
              .findOne()
              .orElseThrow(() -> new NotFoundException(noun + " " + id + " does not exist"));
      throw new InvalidInputException(
          noun + " " + id + detail.get() + " already finished as " + current + "; cannot finish it again");
    }
  }
}
