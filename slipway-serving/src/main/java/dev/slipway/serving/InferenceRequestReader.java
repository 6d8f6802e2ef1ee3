package dev.slipway.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the JSON body of an OIP v2 inference request into a {@link Table} that matches the model's
 * input schema, or fails with an {@link InvalidInputException} whose one-line message names the
 * input and the problem. This is the serving boundary: everything the predictor sees was checked
 * here.
 *
 * <p>Accepted: one input per feature, shape {@code [N]} or {@code [N, 1]}, data flat or nested;
 * numeric features take any integer or floating-point datatype, STRING features take BYTES; JSON
 * null is a missing value (only for features that are not required); a feature that is not
 * required may be left out entirely (all its values are then missing). Immutable and thread-safe.
 */
final class InferenceRequestReader {

  /** A validated request: its id (null when the client gave none), rows and wanted outputs. */
  record InferenceRequest(String id, Table rows, List<String> outputs) {}

  private static final Set<String> INTEGRAL =
      Set.of("INT8", "INT16", "INT32", "INT64", "UINT8", "UINT16", "UINT32", "UINT64");
  private static final Set<String> FLOATING = Set.of("FP16", "BF16", "FP32", "FP64");
  private static final String BYTES = "BYTES";

  private static final ObjectMapper MAPPER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final Schema schema;
  private final Map<String, Schema.Feature> features = new HashMap<>();
  private final String expectedInputs;
  private final List<String> outputNames;

  InferenceRequestReader(Schema schema, List<String> outputNames) {
    this.schema = schema;
    for (Schema.Feature f : schema.features()) {
      features.put(f.name(), f);
    }
    this.expectedInputs =
        String.join(", ", schema.features().stream().map(Schema.Feature::name).toList());
    this.outputNames = List.copyOf(outputNames);
  }

  InferenceRequest read(byte[] body) {
    JsonNode root = parse(body);
    String id = readId(root);
    JsonNode inputs = root.get("inputs");
    if (inputs == null || inputs.isNull()) {
      throw invalid(
          "missing \"inputs\": the request needs an \"inputs\" array with one entry per feature ("
              + expectedInputs
              + ")");
    }
    if (!inputs.isArray()) {
      throw invalid("\"inputs\" must be an array, not " + inputs.getNodeType());
    }
    Map<String, Column> given = readInputs(inputs);
    return new InferenceRequest(id, assemble(given), readOutputs(root.get("outputs")));
  }

  private static JsonNode parse(byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw invalid("malformed JSON body: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (root == null || root.isMissingNode()) {
      throw invalid("malformed JSON body: the body is empty; send an inference request object");
    }
    if (!root.isObject()) {
      throw invalid(
          "malformed JSON body: expected an object with an \"inputs\" array, not "
              + root.getNodeType());
    }
    return root;
  }

  private static String readId(JsonNode root) {
    JsonNode id = root.get("id");
    if (id == null || id.isNull()) {
      return null;
    }
    if (!id.isTextual()) {
      throw invalid("\"id\" must be a string, not " + id);
    }
    return id.asText().isEmpty() ? null : id.asText();
  }

  private Map<String, Column> readInputs(JsonNode inputs) {
    Map<String, Column> given = new LinkedHashMap<>();
    String firstName = null;
    for (int i = 0; i < inputs.size(); i++) {
      JsonNode input = inputs.get(i);
      String name = inputName(input, i);
      Schema.Feature feature = features.get(name);
      if (feature == null) {
        throw invalid("unknown input '" + name + "'; the model expects: " + expectedInputs);
      }
      if (given.containsKey(name)) {
        throw invalid("input '" + name + "' is given twice; send each feature once");
      }
      Column column = readColumn(feature, input);
      if (firstName != null && column.size() != given.get(firstName).size()) {
        throw invalid(
            "inconsistent batch sizes: input '"
                + name
                + "' has "
                + column.size()
                + " rows but input '"
                + firstName
                + "' has "
                + given.get(firstName).size());
      }
      if (firstName == null) {
        firstName = name;
      }
      given.put(name, column);
    }
    return given;
  }

  private static String inputName(JsonNode input, int index) {
    if (!input.isObject()) {
      throw invalid("inputs[" + index + "] must be an object with name, shape, datatype and data");
    }
    JsonNode name = input.get("name");
    if (name == null || !name.isTextual()) {
      throw invalid("inputs[" + index + "] has no \"name\" string");
    }
    return name.asText();
  }

  private Column readColumn(Schema.Feature feature, JsonNode input) {
    String name = feature.name();
    String datatype = readDatatype(feature, input);
    int rows = readRows(name, input.get("shape"));
    JsonNode data = input.get("data");
    if (data == null || data.isNull()) {
      throw invalid("input '" + name + "' has no \"data\"");
    }
    List<JsonNode> values = new ArrayList<>(rows);
    flatten(data, values);
    if (values.size() != rows) {
      throw invalid(
          "input '"
              + name
              + "' has shape "
              + input.get("shape")
              + " but "
              + values.size()
              + " values in \"data\"; the shape must cover every value");
    }
    return feature.type() == FeatureType.STRING
        ? readStrings(feature, values)
        : readNumbers(feature, datatype, values);
  }

  private static String readDatatype(Schema.Feature feature, JsonNode input) {
    String name = feature.name();
    JsonNode node = input.get("datatype");
    if (node == null || !node.isTextual()) {
      throw invalid(
          "input '" + name + "' has no \"datatype\"; use " + suggestedDatatype(feature.type()));
    }
    String datatype = node.asText();
    boolean numeric = INTEGRAL.contains(datatype) || FLOATING.contains(datatype);
    if (!numeric && !BYTES.equals(datatype)) {
      throw invalid(
          "input '"
              + name
              + "' has unsupported datatype '"
              + datatype
              + "'; use "
              + suggestedDatatype(feature.type()));
    }
    if (feature.type().isNumeric() && !numeric) {
      throw invalid(
          "input '"
              + name
              + "' is sent as BYTES (strings) but feature '"
              + name
              + "' is "
              + feature.type()
              + " and expects numbers; use "
              + suggestedDatatype(feature.type()));
    }
    if (!feature.type().isNumeric() && numeric) {
      throw invalid(
          "input '"
              + name
              + "' is sent as "
              + datatype
              + " but feature '"
              + name
              + "' is STRING; send its values as strings with datatype BYTES");
    }
    return datatype;
  }

  private static String suggestedDatatype(FeatureType type) {
    return switch (type) {
      case INT -> "INT64 (or FP64)";
      case FLOAT -> "FP64";
      case STRING -> "BYTES";
    };
  }

  /** The batch size from a shape of [N] or [N, 1]. */
  private static int readRows(String name, JsonNode shape) {
    if (shape == null || !shape.isArray() || shape.isEmpty()) {
      throw invalid("input '" + name + "' has no \"shape\"; use [N] for N rows");
    }
    for (JsonNode d : shape) {
      if (!d.canConvertToInt() || !d.isIntegralNumber() || d.intValue() < 0) {
        throw invalid("input '" + name + "' has shape " + shape + "; dimensions must be whole numbers >= 0");
      }
    }
    boolean column = shape.size() == 2 && shape.get(1).intValue() == 1;
    if (shape.size() > 2 || (shape.size() == 2 && !column)) {
      throw invalid(
          "input '" + name + "' has shape " + shape + "; expected [N] or [N, 1] (one value per row)");
    }
    return shape.get(0).intValue();
  }

  private static void flatten(JsonNode data, List<JsonNode> out) {
    if (!data.isArray()) {
      out.add(data);
      return;
    }
    for (JsonNode element : data) {
      flatten(element, out);
    }
  }

  private static NumericColumn readNumbers(
      Schema.Feature feature, String datatype, List<JsonNode> values) {
    String name = feature.name();
    boolean integral = INTEGRAL.contains(datatype);
    double[] out = new double[values.size()];
    for (int row = 0; row < out.length; row++) {
      JsonNode v = values.get(row);
      if (v.isNull()) {
        requireOptional(feature, row);
        out[row] = Double.NaN;
      } else if (v.isNumber()) {
        double d = v.doubleValue();
        if (integral && d != Math.rint(d)) {
          throw invalid(
              "input '" + name + "' is declared " + datatype + " but has " + v + " at row " + row
                  + "; send whole numbers or declare FP64");
        }
        out[row] = d;
      } else {
        String what = v.isTextual() ? "the string " + v : v.toString();
        throw invalid(
            "input '" + name + "' has " + what + " at row " + row + "; expected a number (feature '"
                + name + "' is " + feature.type() + ")");
      }
    }
    return new NumericColumn(name, out);
  }

  private static StringColumn readStrings(Schema.Feature feature, List<JsonNode> values) {
    String name = feature.name();
    String[] out = new String[values.size()];
    for (int row = 0; row < out.length; row++) {
      JsonNode v = values.get(row);
      if (v.isNull()) {
        requireOptional(feature, row);
      } else if (v.isTextual()) {
        out[row] = v.textValue();
      } else {
        throw invalid(
            "input '" + name + "' has " + v + " at row " + row
                + "; expected a string (feature '" + name + "' is STRING, datatype BYTES)");
      }
    }
    return new StringColumn(name, out);
  }

  private static void requireOptional(Schema.Feature feature, int row) {
    if (feature.required()) {
      throw invalid(
          "input '" + feature.name() + "' has null at row " + row + ", but feature '"
              + feature.name() + "' is required; send a value");
    }
  }

  /** Columns in schema order; absent optional features become all-missing columns. */
  private Table assemble(Map<String, Column> given) {
    int rows = given.isEmpty() ? 0 : given.values().iterator().next().size();
    List<Column> columns = new ArrayList<>(schema.features().size());
    for (Schema.Feature f : schema.features()) {
      Column c = given.get(f.name());
      if (c == null) {
        if (f.required()) {
          throw invalid(
              "missing input '" + f.name() + "' (required " + f.type() + " feature); the model expects: "
                  + expectedInputs);
        }
        c = missingColumn(f, rows);
      }
      columns.add(c);
    }
    if (rows == 0) {
      throw invalid("the request has no rows; send at least one value per input");
    }
    return new Table(columns);
  }

  private static Column missingColumn(Schema.Feature f, int rows) {
    if (f.type() == FeatureType.STRING) {
      return new StringColumn(f.name(), new String[rows]);
    }
    double[] nan = new double[rows];
    Arrays.fill(nan, Double.NaN);
    return new NumericColumn(f.name(), nan);
  }

  /** The names in the optional "outputs" array, or every output when absent. */
  private List<String> readOutputs(JsonNode outputs) {
    if (outputs == null || outputs.isNull()) {
      return outputNames;
    }
    if (!outputs.isArray()) {
      throw invalid("\"outputs\" must be an array of {\"name\": ...}");
    }
    List<String> wanted = new ArrayList<>();
    for (JsonNode o : outputs) {
      JsonNode name = o.get("name");
      if (name == null || !name.isTextual() || !outputNames.contains(name.asText())) {
        throw invalid(
            "unknown output " + (name == null ? o : "'" + name.asText() + "'")
                + "; the model has: " + String.join(", ", outputNames));
      }
      wanted.add(name.asText());
    }
    return wanted;
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException(message);
  }
}
