package dev.slipway.cli;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelVersion;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a model version as users write it: {@code NAME} (latest version),
 * {@code NAME:VERSION} or {@code NAME@ALIAS}.
 */
record ModelRef(String name, Integer version, String alias) {
  private static final Pattern FORM = Pattern.compile("([^:@\\s]+)(?::(\\d+)|@([A-Za-z0-9_-]+))?");

  static ModelRef parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new InvalidInputException(
          "'" + text + "' is not a model reference; write NAME, NAME:VERSION or NAME@ALIAS");
    }
    return new ModelRef(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3));
  }

  ModelVersion resolve(MetadataStore metadata) {
    if (metadata.model(name).isEmpty()) {
      List<String> known = metadata.models().stream().map(m -> m.name()).toList();
      throw new NotFoundException(
          "no model named '" + name + "'"
              + (known.isEmpty() ? "; the registry is empty (run a pipeline first)" : "; registered models: " + String.join(", ", known)));
    }
    if (version != null) {
      return metadata.version(name, version)
          .orElseThrow(() -> new NotFoundException("model '" + name + "' has no version " + version));
    }
    if (alias != null) {
      return metadata.versionByAlias(name, alias)
          .orElseThrow(() -> new NotFoundException("model '" + name + "' has no alias '" + alias + "'"));
    }
    List<ModelVersion> versions = metadata.versions(name);
    if (versions.isEmpty()) {
      throw new NotFoundException("model '" + name + "' has no versions");
    }
    return versions.get(versions.size() - 1);
  }
}
