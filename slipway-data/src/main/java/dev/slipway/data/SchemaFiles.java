package dev.slipway.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Schema;
import dev.slipway.core.SlipwayException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads and writes a {@link Schema} as YAML ({@link Json#YAML}), the form in which people curate
 * it: a list {@code features} of entries with {@code name}, {@code type} (INT, FLOAT or STRING),
 * {@code required} (default false) and, for STRING features, an optional {@code domain} list.
 * Stateless and thread-safe.
 */
public final class SchemaFiles {
  private SchemaFiles() {}

  /**
   * Reads a schema file.
   *
   * @throws NotFoundException when the file does not exist
   * @throws InvalidInputException naming the file, the place and the problem when it is not a
   *     valid schema (unparseable YAML, unknown keys, a feature without a name or type, a name
   *     given twice, a domain on a numeric feature)
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
    Path dir = yaml.toAbsolutePath().getParent();
    try {
      byte[] bytes = Json.YAML.writeValueAsBytes(schema);
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + yaml.getFileName(), ".tmp");
      try {
        Files.write(temp, bytes);
        Files.move(temp, yaml, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new SlipwayException("cannot write schema to " + yaml + ": " + e.getMessage(), e);
    }
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
    }
  }
}
