package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reference to a model version as people write it: {@code NAME} (the latest version),
 * {@code NAME:VERSION} or {@code NAME@ALIAS} — MLflow's {@code models:/name@alias} without the
 * scheme.
 *
 * @param version null unless written {@code NAME:VERSION}
 * @param alias null unless written {@code NAME@ALIAS}
 */
public record ModelRef(String name, Integer version, String alias) {
  private static final Pattern FORM = Pattern.compile("([^:@\\s]+)(?::(\\d+)|@([A-Za-z0-9_-]+))?");

  /** Parses a reference; a malformed one is an InvalidInputException showing the three forms. */
  public static ModelRef parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new InvalidInputException(
          "'" + text + "' is not a model reference; write NAME, NAME:VERSION or NAME@ALIAS");
    }
    return new ModelRef(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)), m.group(3));
  }

  /** The version this reference names, or empty when the model, version or alias does not exist. */
  public Optional<ModelVersion> find(MetadataStore metadata) {
    if (metadata.model(name).isEmpty()) {
      return Optional.empty();
    }
    if (version != null) {
      return metadata.version(name, version);
    }
    if (alias != null) {
      return metadata.versionByAlias(name, alias);
    }
    List<ModelVersion> versions = metadata.versions(name);
    return versions.isEmpty() ? Optional.empty() : Optional.of(versions.getLast());
  }

  /**
   * The version this reference names.
   *
   * @throws NotFoundException saying which part does not exist (and which models do)
   */
  public ModelVersion resolve(MetadataStore metadata) {
    if (metadata.model(name).isEmpty()) {
      List<String> known = metadata.models().stream().map(RegisteredModel::name).toList();
      throw new NotFoundException(
          "no model named '" + name + "'"
              + (known.isEmpty()
                  ? "; the registry is empty (run a pipeline first)"
                  : "; registered models: " + String.join(", ", known)));
    }
    return find(metadata)
        .orElseThrow(
            () ->
                new NotFoundException(
                    version != null
                        ? "model '" + name + "' has no version " + version
                        : alias != null
                            ? "model '" + name + "' has no alias '" + alias + "'"
                            : "model '" + name + "' has no versions"));
  }

  @Override
  public String toString() {
    return name + (version != null ? ":" + version : alias != null ? "@" + alias : "");
  }
}
