package dev.slipway.pipeline;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.NotFoundException;
import dev.slipway.pipeline.PipelineSpec.StepSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads a pipeline YAML file: parses it, substitutes {@code ${parameter}} references, and checks
 * that the steps form a valid DAG of known components with all inputs wired. Errors name the file
 * and the step.
 *
 * <pre>{@code
 * name: credit
 * parameters: {label: class}
 * steps:
 *   - name: ingest
 *     component: ingest
 *     params: {path: credit_g.csv, label: "${label}"}
 *   - name: statistics
 *     component: statistics
 *     inputs: {dataset: ingest.train}
 * }</pre>
 */
public final class PipelineFile {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private PipelineFile() {}

  /** A loaded pipeline: the spec with steps in execution order, and the file's directory. */
  public record Loaded(PipelineSpec spec, Path baseDir, Path file) {}

  public static Loaded load(Path file, Components components) {
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException("pipeline file not found: " + file);
    }
    PipelineSpec raw;
    try {
      raw = Json.YAML.readValue(file.toFile(), PipelineSpec.class);
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(
          file + ": not a valid pipeline file: " + e.getOriginalMessage()
              + location(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (raw == null) {
      throw new InvalidInputException(file + ": the pipeline file is empty");
    }
    PipelineSpec spec = substitute(raw, file);
    check(spec, file, components);
    Path baseDir = file.toAbsolutePath().getParent();
    return new Loaded(new PipelineSpec(spec.name(), spec.parameters(), order(spec.steps())), baseDir, file);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
  }

  private static PipelineSpec substitute(PipelineSpec spec, Path file) {
    List<StepSpec> steps = new ArrayList<>();
    for (StepSpec s : spec.steps()) {
      Map<String, Object> params = new LinkedHashMap<>();
      s.params().forEach((k, v) -> params.put(k, resolve(v, spec.parameters(), file, s.name(), k)));
      steps.add(new StepSpec(s.name(), s.component(), s.inputs(), params));
    }
    return new PipelineSpec(spec.name(), spec.parameters(), steps);
  }

  private static Object resolve(
      Object value, Map<String, Object> parameters, Path file, String step, String param) {
    if (!(value instanceof String text)) {
      return value;
    }
    Matcher whole = REFERENCE.matcher(text);
    if (whole.matches()) {
      return lookup(whole.group(1), parameters, file, step, param);
    }
    Matcher m = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(
          out, Matcher.quoteReplacement(String.valueOf(lookup(m.group(1), parameters, file, step, param))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static Object lookup(
      String name, Map<String, Object> parameters, Path file, String step, String param) {
    Object v = parameters.get(name);
    if (v == null) {
      throw new InvalidInputException(
          file + ": step '" + step + "' parameter '" + param + "' refers to ${" + name
              + "}, which is not in the pipeline's parameters " + parameters.keySet());
    }
    return v;
  }

  private static void check(PipelineSpec spec, Path file, Components components) {
    if (spec.name() == null || !NAME.matcher(spec.name()).matches()) {
      throw new InvalidInputException(
          file + ": the pipeline needs a 'name' of letters, digits, '_' or '-'");
    }
    if (spec.steps().isEmpty()) {
      throw new InvalidInputException(file + ": the pipeline has no steps");
    }
    Map<String, Component> byStep = new LinkedHashMap<>();
    for (StepSpec s : spec.steps()) {
      if (s.name() == null || !NAME.matcher(s.name()).matches()) {
        throw new InvalidInputException(
            file + ": every step needs a 'name' of letters, digits, '_' or '-' (got '" + s.name() + "')");
      }
      if (byStep.containsKey(s.name())) {
        throw new InvalidInputException(file + ": two steps are named '" + s.name() + "'");
      }
      if (s.component() == null) {
        throw new InvalidInputException(file + ": step '" + s.name() + "' names no component");
      }
      Component c;
      try {
        c = components.get(s.component());
      } catch (InvalidInputException e) {
        throw new InvalidInputException(file + ": step '" + s.name() + "': " + e.getMessage());
      }
      byStep.put(s.name(), c);
    }
    for (StepSpec s : spec.steps()) {
      Component c = byStep.get(s.name());
      for (String port : c.spec().inputs()) {
        if (!s.inputs().containsKey(port)) {
          throw new InvalidInputException(
              file + ": step '" + s.name() + "' (" + c.spec().name() + ") needs input '" + port
                  + "', e.g. inputs: {" + port + ": <step>.<output>}");
        }
      }
      for (Map.Entry<String, String> in : s.inputs().entrySet()) {
        if (!c.spec().takes(in.getKey())) {
          throw new InvalidInputException(
              file + ": step '" + s.name() + "' has input '" + in.getKey() + "', but component '"
                  + c.spec().name() + "' takes " + c.spec().inputs()
                  + (c.spec().optionalInputs().isEmpty() ? "" : " and optionally " + c.spec().optionalInputs()));
        }
        String ref = in.getValue();
        int dot = ref == null ? -1 : ref.indexOf('.');
        Component upstream = dot < 0 ? null : byStep.get(ref.substring(0, dot));
        if (upstream == null || !upstream.spec().writes(ref.substring(dot + 1))) {
          throw new InvalidInputException(
              file + ": step '" + s.name() + "' input '" + in.getKey() + "' refers to '" + ref
                  + "', which is not an output of any step (write <step>.<output>)");
        }
      }
    }
  }

  /** Topological order, keeping file order among steps that are ready together. */
  static List<StepSpec> order(List<StepSpec> steps) {
    List<StepSpec> ordered = new ArrayList<>();
    Set<String> done = new HashSet<>();
    List<StepSpec> pending = new ArrayList<>(steps);
    while (!pending.isEmpty()) {
      StepSpec ready =
          pending.stream()
              .filter(s -> s.inputs().values().stream().allMatch(r -> done.contains(r.substring(0, r.indexOf('.')))))
              .findFirst()
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          "the steps "
                              + pending.stream().map(StepSpec::name).toList()
                              + " depend on each other in a cycle"));
      ordered.add(ready);
      done.add(ready.name());
      pending.remove(ready);
    }
    return ordered;
  }
}
