package dev.slipway.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A pipeline as written in its YAML file, after parameter substitution.
 *
 * @param name pipeline name; scopes nothing yet but names runs and experiments
 * @param parameters pipeline-level values that step parameters reference as {@code ${name}}
 * @param steps steps in file order
 */
public record PipelineSpec(String name, Map<String, Object> parameters, List<StepSpec> steps) {

  public PipelineSpec {
    parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  /**
   * One step.
   *
   * @param name unique step name
   * @param component the component it runs
   * @param inputs input port → {@code step.output} of an upstream step
   * @param params component parameters
   */
  public record StepSpec(
      String name, String component, Map<String, String> inputs, Map<String, Object> params) {
    public StepSpec {
      inputs = inputs == null ? Map.of() : Map.copyOf(inputs);
      params = params == null ? Map.of() : Map.copyOf(params);
    }
  }
}
