package dev.slipway.pipeline;

import java.nio.file.Path;
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
   * Anything outside the inputs and parameters that the outputs depend on, e.g. the digest of a
   * file the component reads. Empty by default.
   *
   * @param baseDir the directory of the pipeline file, against which relative paths resolve
   */
  default Map<String, String> fingerprint(Map<String, Object> params, Path baseDir) {
    return Map.of();
  }

  /**
   * As {@link #fingerprint(Map, Path)}, for components whose outputs depend on registry state (e.g.
   * an evaluation against the model behind an alias): they include what they resolve, such as the
   * baseline model's digest, so that a changed alias invalidates the cache. The executor calls this
   * one; the default delegates to the two-argument form.
   */
  default Map<String, String> fingerprint(
      Map<String, Object> params, Path baseDir, dev.slipway.store.Stores stores) {
    return fingerprint(params, baseDir);
  }

  /**
   * Runs the step. Writes each output to a file obtained from {@link StepContext#newOutputFile}
   * and returns them; the executor stores them as immutable artifacts.
   *
   * @throws dev.slipway.core.SlipwayException with a message for people when the step fails
   */
  Map<String, StepOutput> run(StepContext context);
}
