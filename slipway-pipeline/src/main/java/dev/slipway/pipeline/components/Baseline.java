package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.store.Artifact;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelRef;
import java.util.Optional;

/**
 * The baseline model of an evaluation, written {@code NAME}, {@code NAME:VERSION} or {@code
 * NAME@ALIAS} and resolved through the registry when the step runs. A reference that resolves to
 * nothing yet (a first run), or to the candidate model itself (a re-run after promoting it), means
 * "no baseline": comparing a model with itself blesses nothing.
 *
 * @param label the reference as resolved, e.g. {@code credit:3}
 * @param artifact the baseline's model bundle artifact
 */
record Baseline(String label, Artifact artifact) {

  static Optional<Baseline> resolve(
      MetadataStore metadata, String step, String reference, String candidateDigest) {
    ModelRef ref;
    try {
      ref = ModelRef.parse(reference);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(
          "step '" + step + "' parameter 'baseline' is '" + reference
              + "'; write NAME, NAME:VERSION or NAME@ALIAS, e.g. credit@production");
    }
    return ref.find(metadata)
        .map(v -> new Baseline(v.name() + ":" + v.version(), metadata.artifact(v.artifactId()).orElseThrow()))
        .filter(b -> !b.artifact().digest().equals(candidateDigest));
  }
}
