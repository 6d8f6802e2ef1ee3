package dev.slipway.serving;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.core.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link PredictionLog} that appends one JSON object per line (JSON Lines, UTF-8) to a file.
 *
 * <p>Line format, version 1 (keys in this order; readers must ignore keys they do not know):
 *
 * <pre>{@code
 * {"timestamp":"2026-11-24T10:15:30Z","requestId":"r-1","model":"credit","version":"3",
 *  "inputs":{"age":41,"income":5200.5,"job":null},
 *  "outputs":{"label":"good","probabilities":{"bad":0.25,"good":0.75}}}
 * }</pre>
 *
 * (shown on two lines here; one line in the file). The timestamp is ISO-8601 UTC. Regression
 * outputs are {@code {"value":12.5}}. Missing inputs and non-finite numbers are {@code null}.
 *
 * <p>Thread-safe: the records of one {@link #appendAll} call are written contiguously and flushed
 * to the operating system before it returns, so a crash of the JVM loses nothing already answered.
 * The file is not fsynced (a power loss may lose the last lines). An existing file is appended to.
 */
public final class JsonlPredictionLog implements PredictionLog {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.USE_LONG_FOR_INTS).build();

  private final Path file;
  private final Writer out;
  private boolean closed;

  /**
   * Opens (creating it and its parent directories if absent) the log file for appending.
   *
   * @throws UncheckedIOException when the file cannot be created or opened
   */
  public JsonlPredictionLog(Path file) {
    this.file = file;
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      this.out =
          new BufferedWriter(
              Files.newBufferedWriter(
                  file,
                  StandardCharsets.UTF_8,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.APPEND,
                  StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open prediction log " + file + ": " + e, e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public void append(PredictionRecord record) {
    appendAll(List.of(record));
  }

  @Override
  public void appendAll(List<PredictionRecord> records) {
    // Encode outside the lock; only the write and flush are serialised.
    StringBuilder lines = new StringBuilder(256 * records.size());
    for (PredictionRecord r : records) {
      lines.append(encode(r)).append('\n');
    }
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("prediction log " + file + " is closed");
      }
      try {
        out.write(lines.toString());
        out.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write prediction log " + file + ": " + e, e);
      }
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close prediction log " + file + ": " + e, e);
    }
  }

  /** One record as its JSON line, without the line break. */
  static String encode(PredictionRecord r) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(text)) {
      g.writeStartObject();
      g.writeStringField("timestamp", r.timestamp().toString());
      g.writeStringField("requestId", r.requestId());
      g.writeStringField("model", r.model());
      g.writeStringField("version", r.version());
      g.writeFieldName("inputs");
      writeMap(g, r.inputs());
      g.writeFieldName("outputs");
      writeMap(g, r.outputs());
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail; anything here is an unencodable value.
      throw new UncheckedIOException("cannot encode prediction record " + r.requestId(), e);
    }
    return text.toString();
  }

  private static void writeMap(JsonGenerator g, Map<String, ?> map) throws IOException {
    g.writeStartObject();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      g.writeFieldName(e.getKey());
      writeValue(g, e.getValue());
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, Object v) throws IOException {
    switch (v) {
      case null -> g.writeNull();
      case Double d when !Double.isFinite(d) -> g.writeNull();
      case Double d -> g.writeNumber(d);
      case Long l -> g.writeNumber(l);
      case Integer i -> g.writeNumber(i);
      case String s -> g.writeString(s);
      case Boolean b -> g.writeBoolean(b);
      case Map<?, ?> m -> {
        g.writeStartObject();
        for (Map.Entry<?, ?> e : m.entrySet()) {
          g.writeFieldName(String.valueOf(e.getKey()));
          writeValue(g, e.getValue());
        }
        g.writeEndObject();
      }
      case List<?> list -> {
        g.writeStartArray();
        for (Object o : list) {
          writeValue(g, o);
        }
        g.writeEndArray();
      }
      default -> g.writeString(v.toString());
    }
  }

  /**
   * Reads every record of a log file written by this class. Integral numbers come back as {@code
   * Long}, others as {@code Double}, nested objects as maps.
   *
   * @throws InvalidInputException naming the line when a line is not a prediction record
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<PredictionRecord> readAll(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read prediction log " + file + ": " + e, e);
    }
    List<PredictionRecord> records = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        records.add(decode(lines.get(i), file, i + 1));
      }
    }
    return records;
  }

  @SuppressWarnings("unchecked")
  private static PredictionRecord decode(String line, Path file, int lineNo) {
    try {
      JsonNode n = MAPPER.readTree(line);
      return new PredictionRecord(
          Instant.parse(n.required("timestamp").asText()),
          n.required("requestId").asText(),
          n.required("model").asText(),
          n.required("version").asText(),
          MAPPER.convertValue(n.required("inputs"), LinkedHashMap.class),
          MAPPER.convertValue(n.required("outputs"), LinkedHashMap.class));
    } catch (IOException | IllegalArgumentException | java.time.DateTimeException e) {
      throw new InvalidInputException(
          "prediction log " + file + " line " + lineNo + " is not a prediction record: " + e, e);
    }
  }
}
