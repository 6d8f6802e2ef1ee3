package dev.slipway.train;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a model was made, recorded when it is made and never changed: enough to replay the training
 * run. Persisted as {@code provenance.json} in a {@link ModelBundle}.
 *
 * @param trainer the {@link Trainer#name()}
 * @param parameters every effective parameter (defaults included) as text
 * @param seed the training seed
 * @param inputDigests sha256 of each input artifact by role, e.g. {@code train} → hex digest
 * @param libraryVersions versions of the libraries that did the work, e.g. {@code xgboost4j}
 * @param javaVersion the JVM's {@link Runtime#version()}
 * @param training what training found out, from {@link TrainedModel#trainingSummary()}, e.g.
 *     {@code best_iteration}; empty when there is nothing (absent in bundles written before it
 *     existed)
 */
public record Provenance(
    String trainer,
    Map<String, String> parameters,
    long seed,
    Map<String, String> inputDigests,
    Map<String, String> libraryVersions,
    String javaVersion,
    Map<String, String> training) {

  public Provenance {
    parameters = sorted(parameters);
    inputDigests = sorted(inputDigests);
    libraryVersions = sorted(libraryVersions);
    training = sorted(training);
  }

  /** A provenance without training facts. */
  public Provenance(
      String trainer,
      Map<String, String> parameters,
      long seed,
      Map<String, String> inputDigests,
      Map<String, String> libraryVersions,
      String javaVersion) {
    this(trainer, parameters, seed, inputDigests, libraryVersions, javaVersion, Map.of());
  }

  /**
   * The provenance of a training run of {@code trainer} with {@code parameters} (resolved against
   * the trainer's defaults) on this JVM, without training facts.
   *
   * @throws dev.slipway.core.InvalidInputException when a parameter is invalid
   */
  public static Provenance of(
      Trainer trainer, Map<String, Object> parameters, long seed, Map<String, String> inputDigests) {
    return of(trainer, parameters, seed, inputDigests, Map.of());
  }

  /**
   * The provenance of a training run that produced {@code model}, including its {@link
   * TrainedModel#trainingSummary()} (e.g. the best iteration after early stopping).
   *
   * @throws dev.slipway.core.InvalidInputException when a parameter is invalid
   */
  public static Provenance of(
      Trainer trainer,
      Map<String, Object> parameters,
      long seed,
      Map<String, String> inputDigests,
      TrainedModel model) {
    return of(trainer, parameters, seed, inputDigests, model.trainingSummary());
  }

  private static Provenance of(
      Trainer trainer,
      Map<String, Object> parameters,
      long seed,
      Map<String, String> inputDigests,
      Map<String, String> training) {
    Map<String, String> text = new LinkedHashMap<>();
    trainer.resolveParameters(parameters).forEach((k, v) -> text.put(k, String.valueOf(v)));
    return new Provenance(
        trainer.name(),
        text,
        seed,
        inputDigests,
        trainer.libraryVersions(),
        Runtime.version().toString(),
        training);
  }

  private static Map<String, String> sorted(Map<String, String> map) {
    return map == null
        ? Map.of()
        : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
