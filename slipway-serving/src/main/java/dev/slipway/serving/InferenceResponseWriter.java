package dev.slipway.serving;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.slipway.core.FeatureType;
import dev.slipway.core.Predictions;
import dev.slipway.core.Predictor;
import dev.slipway.core.Schema;
import dev.slipway.core.Task;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Encodes the server's JSON answers (OIP v2 model metadata, inference responses, errors) with
 * Jackson's streaming generator: no reflection on the hot path. Thread-safe.
 *
 * <p>Outputs: classification models answer {@code label} (BYTES, shape [N]) and {@code
 * probabilities} (FP64, shape [N, K], row-major, columns in the order given by its {@code
 * parameters.classes}, a comma-separated string because OIP parameter values must be scalars);
 * regression models answer {@code value} (FP64, shape [N]). Non-finite numbers encode as null.
 */
final class InferenceResponseWriter {

  static final String LABEL = "label";
  static final String PROBABILITIES = "probabilities";
  static final String VALUE = "value";

  private static final JsonFactory JSON = new JsonFactory();

  private InferenceResponseWriter() {}

  static List<String> outputNames(Predictor predictor) {
    return predictor.task() == Task.CLASSIFICATION ? List.of(LABEL, PROBABILITIES) : List.of(VALUE);
  }

  @FunctionalInterface
  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static byte[] encode(Body body) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
    try (JsonGenerator g = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a response", e);
    }
    return bytes.toByteArray();
  }

  static byte[] error(String message) {
    return encode(
        g -> {
          g.writeStartObject();
          g.writeStringField("error", message);
          g.writeEndObject();
        });
  }

  /** {@code {"<key>": true}} plus extra string fields, for the health and ready endpoints. */
  static byte[] flag(String key, String... namesAndValues) {
    return encode(
        g -> {
          g.writeStartObject();
          for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            g.writeStringField(namesAndValues[i], namesAndValues[i + 1]);
          }
          g.writeBooleanField(key, true);
          g.writeEndObject();
        });
  }

  static byte[] serverMetadata(String version) {
    return encode(
        g -> {
          g.writeStartObject();
          g.writeStringField("name", "slipway");
          g.writeStringField("version", version);
          g.writeArrayFieldStart("extensions");
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static byte[] modelMetadata(ServedModel model) {
    Predictor p = model.predictor();
    return encode(
        g -> {
          g.writeStartObject();
          g.writeStringField("name", model.name());
          g.writeArrayFieldStart("versions");
          g.writeString(model.version());
          g.writeEndArray();
          g.writeStringField("platform", "slipway");
          g.writeArrayFieldStart("inputs");
          for (Schema.Feature f : p.inputSchema().features()) {
            tensorHeader(g, f.name(), datatype(f.type()), -1);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeArrayFieldStart("outputs");
          if (p.task() == Task.CLASSIFICATION) {
            tensorHeader(g, LABEL, "BYTES", -1);
            g.writeEndObject();
            tensorHeader(g, PROBABILITIES, "FP64", -1, p.classes().size());
            classesParameter(g, p.classes());
            g.writeEndObject();
          } else {
            tensorHeader(g, VALUE, "FP64", -1);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  static String datatype(FeatureType type) {
    return switch (type) {
      case STRING -> "BYTES";
      case INT -> "INT64";
      case FLOAT -> "FP64";
    };
  }

  static byte[] inferResponse(
      ServedModel model, String requestId, Predictions p, List<String> outputs) {
    List<String> classes = model.predictor().classes();
    return encode(
        g -> {
          g.writeStartObject();
          g.writeStringField("model_name", model.name());
          g.writeStringField("model_version", model.version());
          g.writeStringField("id", requestId);
          g.writeArrayFieldStart("outputs");
          for (String output : outputs) {
            writeOutput(g, output, p, classes);
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void writeOutput(JsonGenerator g, String output, Predictions p, List<String> classes)
      throws IOException {
    int n = p.size();
    switch (output) {
      case LABEL -> {
        tensorHeader(g, LABEL, "BYTES", n);
        g.writeArrayFieldStart("data");
        for (String label : p.labels()) {
          g.writeString(label);
        }
        g.writeEndArray();
      }
      case PROBABILITIES -> {
        tensorHeader(g, PROBABILITIES, "FP64", n, classes.size());
        classesParameter(g, classes);
        g.writeArrayFieldStart("data");
        for (double[] row : p.probabilities()) {
          for (double v : row) {
            number(g, v);
          }
        }
        g.writeEndArray();
      }
      case VALUE -> {
        tensorHeader(g, VALUE, "FP64", n);
        g.writeArrayFieldStart("data");
        for (double v : p.values()) {
          number(g, v);
        }
        g.writeEndArray();
      }
      default -> throw new IllegalArgumentException("no output " + output);
    }
    g.writeEndObject();
  }

  /** Opens a tensor object and writes name, datatype and shape; the caller closes it. */
  private static void tensorHeader(JsonGenerator g, String name, String datatype, int... shape)
      throws IOException {
    g.writeStartObject();
    g.writeStringField("name", name);
    g.writeStringField("datatype", datatype);
    g.writeArrayFieldStart("shape");
    for (int d : shape) {
      g.writeNumber(d);
    }
    g.writeEndArray();
  }

  private static void classesParameter(JsonGenerator g, List<String> classes) throws IOException {
    g.writeObjectFieldStart("parameters");
    g.writeStringField("classes", String.join(",", classes));
    g.writeEndObject();
  }

  private static void number(JsonGenerator g, double v) throws IOException {
    if (Double.isFinite(v)) {
      g.writeNumber(v);
    } else {
      g.writeNull();
    }
  }
}
