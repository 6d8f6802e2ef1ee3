package dev.slipway.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.OutputFiles;
import dev.slipway.core.Schema;
import dev.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads and writes a {@link Schema} as YAML ({@link Json#YAML}), the form in which people curate
 * it: a {@code version} (the file format, {@value Schema#CURRENT_VERSION}; a file without one is
 * read as version 1), optional {@code default_environments}, and a list {@code features} of
 * entries with {@code name}, {@code type} (INT, FLOAT or STRING), {@code required} (default
 * false), for STRING features an optional {@code domain} list, for numeric features optional
 * {@code min} and {@code max}, optional {@code not_in_environment} (e.g. {@code [SERVING]} for the
 * label) and optional {@code drift_comparator} / {@code skew_comparator} thresholds ({@code
 * infinity_norm}, {@code jensen_shannon_divergence}, {@code psi}, {@code p_value}). See {@code
 * docs/data-validation.md}. Stateless and thread-safe.
 */
public final class SchemaFiles {
  private SchemaFiles() {}

  /**
   * Reads a schema file.
   *
   * @throws NotFoundException when the file does not exist
   * @throws InvalidInputException naming the file, the place and the problem when it is not a
   *     valid schema (unparseable YAML, unknown keys, a version newer than this code reads, a
   *     feature without a name or type, a name given twice, a domain on a numeric feature, a
   *     range on a string feature or with min above max, a negative threshold)
   */
  public static Schema read(Path yaml) {
    if (!Files.exists(yaml)) {
      throw new NotFoundException("file not found: " + yaml);
    }
    Schema schema;
    try {
      if (Files.readString(yaml).isBlank()) {
        throw new InvalidInputException(yaml + ": the file is empty; expected a 'features' list");
      }
      schema = Json.YAML.readValue(yaml.toFile(), Schema.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(yaml + ": not a valid schema: " + describe(e), e);
    } catch (IOException e) {
      throw new InvalidInputException(yaml + ": cannot read: " + e.getMessage(), e);
    }
    check(schema, yaml);
    return schema;
  }

  /**
   * Writes the schema atomically: to a temporary file beside the target, then renamed over it, so
   * a reader never sees half a file.
   *
   * @throws SlipwayException when the file cannot be written
   */
  public static void write(Schema schema, Path yaml) {
    Schema versioned =
        schema.version() == null
            ? new Schema(Schema.CURRENT_VERSION, schema.defaultEnvironments(), schema.features())
            : schema;
    byte[] bytes;
    try {
      bytes = Json.YAML.writeValueAsBytes(versioned);
    } catch (JsonProcessingException e) {
      throw new SlipwayException("cannot encode the schema as YAML: " + e.getOriginalMessage(), e);
    }
    OutputFiles.write(yaml, bytes, "schema");
  }

  private static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ").trim();
    JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? message
        : message + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  private static void check(Schema schema, Path yaml) {
    if (schema == null) {
      throw new InvalidInputException(yaml + ": the file is empty; expected a 'features' list");
    }
    if (schema.version() != null
        && (schema.version() < 1 || schema.version() > Schema.CURRENT_VERSION)) {
      throw new InvalidInputException(
          yaml + ": schema version " + schema.version() + " is not supported; this Slipway reads"
              + " versions 1 to " + Schema.CURRENT_VERSION);
    }
    Set<String> names = new HashSet<>();
    for (int i = 0; i < schema.features().size(); i++) {
      Schema.Feature f = schema.features().get(i);
      String where = yaml + ": feature " + (i + 1);
      if (f == null || f.name() == null || f.name().isBlank()) {
        throw new InvalidInputException(where + " has no name");
      }
      if (f.type() == null) {
        throw new InvalidInputException(
            where + " ('" + f.name() + "') has no type; expected INT, FLOAT or STRING");
      }
      if (!names.add(f.name())) {
        throw new InvalidInputException(where + " repeats the name '" + f.name() + "'");
      }
      if (f.domain() != null && f.type().isNumeric()) {
        throw new InvalidInputException(
            where + " ('" + f.name() + "') is " + f.type() + " but has a domain; domains are for STRING features");
      }
      checkRange(f, where);
      checkThresholds(f.driftComparator(), where + " ('" + f.name() + "') drift_comparator");
      checkThresholds(f.skewComparator(), where + " ('" + f.name() + "') skew_comparator");
    }
  }

  private static void checkRange(Schema.Feature f, String where) {
    if ((f.min() != null || f.max() != null) && !f.type().isNumeric()) {
      throw new InvalidInputException(
          where + " ('" + f.name() + "') is STRING but has min/max; ranges are for INT and FLOAT features");
    }
    if (f.min() != null && f.max() != null && f.min() > f.max()) {
      throw new InvalidInputException(
          where + " ('" + f.name() + "') has min " + f.min() + " above max " + f.max());
    }
  }

  private static void checkThresholds(Schema.Thresholds t, String where) {
    if (t == null) {
      return;
    }
    check(t.infinityNorm(), "infinity_norm", where);
    check(t.jensenShannonDivergence(), "jensen_shannon_divergence", where);
    check(t.psi(), "psi", where);
    check(t.pValue(), "p_value", where);
  }

  private static void check(Double value, String key, String where) {
    if (value != null && !(value >= 0)) {
      throw new InvalidInputException(
          where + " has " + key + " " + value + "; expected a number >= 0");
    }
  }
}
