package dev.slipway.pipeline;

import java.util.Map;

/**
 * One kind of pipeline step: reads typed input artifacts, writes typed output artifacts.
 * Implementations are stateless, have a public no-argument constructor and are registered in
 * {@code META-INF/services/dev.slipway.pipeline.Component}.
 *
 * <p>A component must be a pure function of its parameters, its inputs' bytes and its
 * {@link #fingerprint}: that is what makes cached reuse of its outputs correct.
 */
public interface Component {

  /** The component's name, version and typed ports. */
  ComponentSpec spec();

  /**
   * Anything outside the inputs' digests and the parameters that the outputs depend on: the digest
   * of a file the component reads, or what it resolves in the registry (a baseline model behind an
   * alias), so that a change there invalidates the cache. Empty by default.
   */
  default Map<String, String> fingerprint(FingerprintContext context) {
    return Map.of();
  }

  /**
   * Runs the step. Writes each output to a file obtained from {@link StepContext#newOutputFile}
   * and returns them; the executor stores them as immutable artifacts.
   *
   * @throws dev.slipway.core.SlipwayException with a message for people when the step fails
   */
  Map<String, StepOutput> run(StepContext context);
}
