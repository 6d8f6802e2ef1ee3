package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One trainer parameter: its kind, default and allowed range. Numeric values may arrive as numbers
 * or numeric text (from YAML or a command line) and are converted to the declared type; a {@link
 * Kind#CLASS_WEIGHT} value is checked by {@link ClassWeights#resolve}.
 *
 * @param name parameter name, e.g. {@code max_depth}
 * @param kind integer, real or class weight
 * @param defaultValue the value used when the parameter is not given
 * @param min lower bound (numeric kinds)
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound, inclusive (numeric kinds)
 */
public record ParameterSpec(
    String name, Kind kind, Object defaultValue, double min, boolean minInclusive, double max) {

  /** What a parameter holds. */
  public enum Kind {
    INTEGER,
    REAL,
    CLASS_WEIGHT
  }

  public static ParameterSpec integer(String name, int defaultValue, int min, int max) {
    return new ParameterSpec(name, Kind.INTEGER, defaultValue, min, true, max);
  }

  public static ParameterSpec real(
      String name, double defaultValue, double min, boolean minInclusive, double max) {
    return new ParameterSpec(name, Kind.REAL, defaultValue, min, minInclusive, max);
  }

  /** {@code class_weight}: {@code none} (default), {@code balanced} or a map class → weight. */
  public static ParameterSpec classWeight() {
    return new ParameterSpec(
        ClassWeights.PARAMETER, Kind.CLASS_WEIGHT, ClassWeights.NONE, 0, true, 0);
  }

  /** The defaults of the given specs, in spec order. */
  static Map<String, Object> defaults(List<ParameterSpec> specs) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      out.put(spec.name, spec.defaultValue);
    }
    return out;
  }

  /**
   * Overlays {@code given} on the defaults and validates every value.
   *
   * @throws InvalidInputException naming the trainer, the parameter, the value and the allowed
   *     range or the known parameters
   */
  static Map<String, Object> resolve(
      String trainer, List<ParameterSpec> specs, Map<String, Object> given) {
    Map<String, ParameterSpec> byName = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      byName.put(spec.name, spec);
    }
    for (String key : given.keySet()) {
      if (!byName.containsKey(key)) {
        throw new InvalidInputException(
            "unknown parameter '"
                + key
                + "' for trainer '"
                + trainer
                + "'; the parameters are "
                + String.join(", ", byName.keySet()));
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (ParameterSpec spec : specs) {
      Object value = given.containsKey(spec.name) ? given.get(spec.name) : spec.defaultValue;
      out.put(spec.name, spec.check(trainer, value));
    }
    return out;
  }

  private Object check(String trainer, Object value) {
    if (kind == Kind.CLASS_WEIGHT) {
      return ClassWeights.resolve(trainer, value);
    }
    double v;
    if (value instanceof Number n) {
      v = n.doubleValue();
    } else if (value instanceof String s) {
      try {
        v = Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        throw outOfRange(trainer, value);
      }
    } else {
      throw outOfRange(trainer, value);
    }
    boolean integer = kind == Kind.INTEGER;
    boolean aboveMin = minInclusive ? v >= min : v > min;
    if (Double.isNaN(v) || !aboveMin || v > max || (integer && v != Math.rint(v))) {
      throw outOfRange(trainer, value);
    }
    return integer ? (Number) (int) v : (Number) v;
  }

  private InvalidInputException outOfRange(String trainer, Object value) {
    return new InvalidInputException(
        "parameter '"
            + name
            + "' of trainer '"
            + trainer
            + "' is "
            + (value instanceof String ? "'" + value + "'" : value)
            + "; expected "
            + (kind == Kind.INTEGER ? "an integer" : "a number")
            + " in "
            + range());
  }

  /** The allowed range in interval notation, e.g. {@code (0, 1]}. */
  public String range() {
    return (minInclusive ? "[" : "(") + format(min) + ", " + format(max) + "]";
  }

  private String format(double bound) {
    if (Double.isInfinite(bound)) {
      return "inf";
    }
    return bound == Math.rint(bound) ? Long.toString((long) bound) : Double.toString(bound);
  }
}
