package dev.slipway.features;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.slipway.core.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A declarative transform: an ordered list of steps, each naming an {@link Op} and its parameters,
 * as written under a transform step's {@code spec} parameter in pipeline YAML:
 *
 * <pre>{@code
 * spec:
 *   - {op: impute, columns: [total_charges], strategy: median}
 *   - {op: standardize, columns: [tenure, total_charges]}
 *   - {op: one_hot, columns: [contract], max_categories: 20, min_frequency: 5}
 * }</pre>
 *
 * <p>{@code impute} and {@code log} rewrite a column for the steps after them and emit nothing;
 * every other op emits one output group. Steps are numbered from 1 in messages. The parameters of
 * each op, their defaults and ranges are documented in {@code docs/transforms.md}; they are checked
 * here (unknown op or parameter, wrong type, out of range), columns are checked when the spec is
 * fitted ({@link TransformGraph#fit(dev.slipway.core.Table, TransformSpec)}). Immutable.
 *
 * @param steps the steps, in order
 */
public record TransformSpec(List<Step> steps) {

  /** The operations a step may name. */
  public enum Op {
    IMPUTE("columns", "strategy", "value"),
    LOG("columns", "offset"),
    STANDARDIZE("columns"),
    MIN_MAX("columns"),
    PASSTHROUGH("columns"),
    BUCKETIZE("columns", "buckets"),
    ONE_HOT("columns", "max_categories", "min_frequency"),
    ORDINAL("columns", "max_categories", "min_frequency", "categories"),
    VOCABULARY("columns", "top_k", "min_frequency"),
    CROSS("columns", "max_categories", "min_frequency"),
    TEXT("columns", "method", "max_tokens", "min_df", "buckets", "norm"),
    DATE_PARTS("columns", "parts", "invalid"),
    PIXELS("columns_prefix", "scale");

    private final Set<String> params;

    Op(String... params) {
      this.params = Set.of(params);
    }

    /** The name used in YAML, e.g. {@code one_hot}. */
    public String yamlName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    static String allowed() {
      return Arrays.stream(values()).map(Op::yamlName).collect(Collectors.joining(", "));
    }
  }

  /**
   * One step: an op and its parameters ({@code column: x} is read as {@code columns: [x]}).
   *
   * @param index position in the spec, from 1
   * @param op the operation
   * @param params the parameters other than {@code op}, validated for {@code op}
   */
  public record Step(int index, Op op, Map<String, Object> params) {

    public Step {
      params = new TreeMap<>(params);
      if (params.containsKey("column")) {
        if (params.containsKey("columns")) {
          throw fail(index, op, "give 'column' or 'columns', not both");
        }
        params.put("columns", List.of(params.remove("column")));
      }
      for (Map.Entry<String, Object> e : params.entrySet()) {
        if (!op.params.contains(e.getKey())) {
          throw fail(
              index,
              op,
              "unknown parameter '"
                  + e.getKey()
                  + "'; "
                  + op.yamlName()
                  + " takes "
                  + op.params.stream().sorted().collect(Collectors.joining(", ")));
        }
        if (e.getValue() == null) {
          throw fail(index, op, "parameter '" + e.getKey() + "' is empty; give a value");
        }
      }
      params = java.util.Collections.unmodifiableMap(params);
    }

    /** "transform step 3 (one_hot)" — the prefix of every message about this step. */
    String where() {
      return "transform step " + index + " (" + op.yamlName() + ")";
    }

    InvalidInputException fail(String message) {
      return fail(index, op, message);
    }

    private static InvalidInputException fail(int index, Op op, String message) {
      return new InvalidInputException(
          "transform step " + index + " (" + op.yamlName() + "): " + message);
    }

    /** The {@code columns} list; at least one name. */
    List<String> columns() {
      Object v = params.get("columns");
      if (v == null) {
        throw fail("parameter 'columns' is required; list the input columns");
      }
      List<String> out = strings("columns", v);
      if (out.isEmpty()) {
        throw fail("parameter 'columns' is empty; list at least one input column");
      }
      return out;
    }

    List<String> strings(String name, Object v) {
      if (!(v instanceof List<?> list)) {
        throw fail("parameter '" + name + "' is '" + v + "'; expected a list, e.g. [a, b]");
      }
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item == null || item instanceof List<?> || item instanceof Map<?, ?>) {
          throw fail("parameter '" + name + "' holds '" + item + "'; expected plain values");
        }
        out.add(item.toString());
      }
      return out;
    }

    /** An optional list parameter, or null. */
    List<String> optionalStrings(String name) {
      Object v = params.get(name);
      return v == null ? null : strings(name, v);
    }

    long integer(String name, long fallback, long min, long max) {
      Object v = params.get(name);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
        throw fail(
            "parameter '" + name + "' is '" + v + "'; expected a whole number from " + min
                + " to " + max);
      }
      long value = n.longValue();
      if (value < min || value > max) {
        throw fail(
            "parameter '" + name + "' is " + value + "; expected a whole number from " + min
                + " to " + max);
      }
      return value;
    }

    double positive(String name, double fallback) {
      Object v = params.get(name);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Number n)
          || !(n.doubleValue() > 0)
          || Double.isInfinite(n.doubleValue())) {
        throw fail("parameter '" + name + "' is '" + v + "'; expected a finite number > 0");
      }
      return n.doubleValue();
    }

    double finite(String name, double fallback) {
      Object v = params.get(name);
      if (v == null) {
        return fallback;
      }
      if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
        throw fail("parameter '" + name + "' is '" + v + "'; expected a finite number");
      }
      return n.doubleValue();
    }

    String choice(String name, String fallback, String... allowed) {
      Object v = params.get(name);
      if (v == null) {
        return fallback;
      }
      for (String a : allowed) {
        if (a.equals(v.toString())) {
          return a;
        }
      }
      throw fail(
          "parameter '" + name + "' is '" + v + "'; expected one of " + String.join(", ", allowed));
    }

    /** Whether a parameter was given. */
    boolean has(String name) {
      return params.containsKey(name);
    }
  }

  public TransformSpec {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new InvalidInputException("transform spec has no steps; list at least one");
    }
    for (Step step : steps) {
      SpecFitter.check(step);
    }
  }

  /**
   * Reads a spec from its YAML/JSON form: a list of maps, each with an {@code op} key.
   *
   * @throws InvalidInputException naming the step index, op, parameter and the allowed values when
   *     the value is not a valid spec
   */
  @JsonCreator
  public static TransformSpec parse(Object value) {
    if (!(value instanceof List<?> list)) {
      throw new InvalidInputException(
          "transform spec is '"
              + value
              + "'; expected a list of steps such as {op: standardize, columns: [age]}");
    }
    List<Step> steps = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      int index = i + 1;
      if (!(list.get(i) instanceof Map<?, ?> map)) {
        throw new InvalidInputException(
            "transform step " + index + " is '" + list.get(i) + "'; expected a map with an 'op'");
      }
      Object opName = map.get("op");
      Op op =
          Arrays.stream(Op.values())
              .filter(o -> o.yamlName().equals(String.valueOf(opName)))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "transform step "
                              + index
                              + " has op '"
                              + opName
                              + "'; expected one of "
                              + Op.allowed()));
      Map<String, Object> params = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!"op".equals(e.getKey())) {
          params.put(String.valueOf(e.getKey()), e.getValue());
        }
      }
      steps.add(new Step(index, op, params));
    }
    return new TransformSpec(steps);
  }

  /** The YAML/JSON form: one map per step, {@code op} plus the parameters. */
  @JsonValue
  public List<Map<String, Object>> toMaps() {
    List<Map<String, Object>> out = new ArrayList<>(steps.size());
    for (Step step : steps) {
      Map<String, Object> map = new TreeMap<>(step.params());
      map.put("op", step.op().yamlName());
      out.add(map);
    }
    return out;
  }
}
