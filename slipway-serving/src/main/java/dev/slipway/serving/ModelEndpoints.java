package dev.slipway.serving;

import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Predictions;
import dev.slipway.core.Schema;
import dev.slipway.core.SlipwayException;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import io.javalin.http.Context;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The handlers of the model-scoped OIP v2 endpoints (metadata, ready, infer) for the one served
 * model. Failures are thrown as core exceptions and mapped to HTTP statuses by {@link
 * ModelServer}. Thread-safe: all state is immutable except the (thread-safe) prediction log.
 */
final class ModelEndpoints {

  static final String JSON = "application/json";

  private final ServedModel model;
  private final PredictionLog log;
  private final Clock clock;
  private final InferenceRequestReader reader;
  private final List<Schema.Feature> features;
  private final byte[] metadata;
  private final byte[] ready;

  ModelEndpoints(ServedModel model, PredictionLog log, Clock clock) {
    this.model = model;
    this.log = log;
    this.clock = clock;
    Schema schema = model.predictor().inputSchema();
    this.features = schema.features();
    this.reader =
        new InferenceRequestReader(schema, InferenceResponseWriter.outputNames(model.predictor()));
    // The model is immutable once served, so its metadata is encoded once.
    this.metadata = InferenceResponseWriter.modelMetadata(model);
    this.ready = InferenceResponseWriter.flag("ready", "name", model.name());
  }

  void metadata(Context ctx) {
    resolve(ctx);
    ctx.contentType(JSON).result(metadata);
  }

  void ready(Context ctx) {
    resolve(ctx);
    ctx.contentType(JSON).result(ready);
  }

  void infer(Context ctx) {
    resolve(ctx);
    Instant received = clock.instant();
    InferenceRequestReader.InferenceRequest request = reader.read(ctx.bodyAsBytes());
    String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
    Predictions predictions = predict(request.rows());
    try {
      log.appendAll(records(received, id, request.rows(), predictions));
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new SlipwayException("prediction log failed, so the request is not answered: " + e, e);
    }
    ctx.contentType(JSON)
        .result(InferenceResponseWriter.inferResponse(model, id, predictions, request.outputs()));
  }

  /** Checks that the path names the served model and, if it names one, the served version. */
  private void resolve(Context ctx) {
    String name = ctx.pathParam("name");
    if (!model.name().equals(name)) {
      throw new NotFoundException(
          "model '" + name + "' not found; this server serves '" + model.name() + "'");
    }
    String version = ctx.pathParamMap().get("version");
    if (version != null && !model.version().equals(version)) {
      throw new NotFoundException(
          "model '" + name + "' has no version '" + version + "'; this server serves version '"
              + model.version() + "'");
    }
  }

  private Predictions predict(Table rows) {
    Predictions p;
    try {
      p = model.predictor().predict(rows);
    } catch (RuntimeException e) {
      throw new SlipwayException(
          "model '" + model.name() + "' version '" + model.version() + "' failed to predict "
              + rows.rowCount() + " rows: " + e, e);
    }
    checkShape(p, rows.rowCount());
    return p;
  }

  /** A predictor that breaks its contract must not produce a malformed response or log. */
  private void checkShape(Predictions p, int rows) {
    String problem = null;
    if (p == null) {
      problem = "returned no predictions";
    } else if (model.predictor().task() == Task.CLASSIFICATION) {
      int k = model.predictor().classes().size();
      if (p.labels() == null || p.labels().size() != rows) {
        problem = "returned " + (p.labels() == null ? "no" : p.labels().size()) + " labels";
      } else if (p.probabilities() == null || p.probabilities().length != rows) {
        problem = "returned probabilities for a different number of rows";
      } else {
        for (double[] row : p.probabilities()) {
          if (row == null || row.length != k) {
            problem = "returned a probability row without exactly " + k + " classes";
            break;
          }
        }
      }
    } else if (p.values() == null || p.values().length != rows) {
      problem = "returned " + (p.values() == null ? "no" : p.values().length) + " values";
    }
    if (problem != null) {
      throw new SlipwayException(
          "model '" + model.name() + "' version '" + model.version() + "' " + problem + " for "
              + rows + " rows");
    }
  }

  private List<PredictionRecord> records(Instant at, String id, Table rows, Predictions p) {
    List<PredictionRecord> out = new ArrayList<>(rows.rowCount());
    List<String> classes = model.predictor().classes();
    for (int row = 0; row < rows.rowCount(); row++) {
      Map<String, Object> inputs = new LinkedHashMap<>();
      for (int c = 0; c < features.size(); c++) {
        inputs.put(features.get(c).name(), value(features.get(c).type(), rows.columns().get(c), row));
      }
      Map<String, Object> outputs = new LinkedHashMap<>();
      if (p.labels() != null) {
        outputs.put(InferenceResponseWriter.LABEL, p.labels().get(row));
        Map<String, Object> probabilities = new LinkedHashMap<>();
        for (int k = 0; k < classes.size(); k++) {
          probabilities.put(classes.get(k), p.probabilities()[row][k]);
        }
        outputs.put(InferenceResponseWriter.PROBABILITIES, probabilities);
      } else {
        outputs.put(InferenceResponseWriter.VALUE, p.values()[row]);
      }
      out.add(new PredictionRecord(at, id, model.name(), model.version(), inputs, outputs));
    }
    return out;
  }

  private static Object value(FeatureType type, Column column, int row) {
    if (column.isMissing(row)) {
      return null;
    }
    return switch (column) {
      case StringColumn s -> s.get(row);
      case NumericColumn n when type == FeatureType.INT -> (long) n.get(row);
      case NumericColumn n -> n.get(row);
    };
  }
}
