package dev.slipway.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
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
}
