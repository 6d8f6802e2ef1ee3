package dev.slipway.pipeline.components;

import dev.slipway.core.InvalidInputException;
import dev.slipway.store.Artifact;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelVersion;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline model of an evaluation, written {@code NAME}, {@code NAME:VERSION} or {@code
 * NAME@ALIAS} and resolved through the registry when the step runs. A reference that resolves to
 * nothing yet (no such model, version or alias: a first run) means "no baseline".
 *
 * @param label the reference as resolved, e.g. {@code credit:3}
 * @param artifact the baseline's model bundle artifact
 */
record Baseline(String label, Artifact artifact) {
  private static final Pattern FORM = Pattern.compile("([^:@\\s]+)(?::(\\d+)|@([A-Za-z0-9_-]+))?");

  static Optional<Baseline> resolve(MetadataStore metadata, String step, String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new InvalidInputException(
          "step '" + step + "' parameter 'baseline' is '" + text
              + "'; write NAME, NAME:VERSION or NAME@ALIAS, e.g. credit@production");
    }
    String name = m.group(1);
    Optional<ModelVersion> version;
    if (m.group(2) != null) {
      version = metadata.version(name, Integer.parseInt(m.group(2)));
    } else if (m.group(3) != null) {
      version = metadata.model(name).isEmpty() ? Optional.empty() : metadata.versionByAlias(name, m.group(3));
    } else {
      List<ModelVersion> all = metadata.model(name).isEmpty() ? List.of() : metadata.versions(name);
      version = all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }
    return version.map(
        v -> new Baseline(v.name() + ":" + v.version(), metadata.artifact(v.artifactId()).orElseThrow()));
  }
}
