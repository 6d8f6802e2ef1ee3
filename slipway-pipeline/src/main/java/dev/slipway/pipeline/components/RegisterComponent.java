package dev.slipway.pipeline.components;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.pipeline.Component;
import dev.slipway.pipeline.ComponentSpec;
import dev.slipway.pipeline.InputArtifact;
import dev.slipway.pipeline.Lineage;
import dev.slipway.pipeline.StepContext;
import dev.slipway.pipeline.StepOutput;
import dev.slipway.store.Artifact;
import dev.slipway.store.Execution;
import dev.slipway.store.MetadataStore;
import dev.slipway.store.ModelVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a model whose evaluation is not blessed (its validation gates failed), naming the
 * reasons; otherwise registers the model bundle as a new version of {@code model_name}, tagged with its lineage: the
 * dataset snapshot digest, the transform digest, the training parameters and the pipeline run.
 * Cached like any step, so an unchanged pipeline does not create a new version.
 */
public final class RegisterComponent implements Component {
  private static final ComponentSpec SPEC =
      new ComponentSpec("register", "2", Set.of("model", "evaluation"), Map.of("registration", ArtifactTypes.MODEL_REGISTRATION));

  @Override
  public ComponentSpec spec() {
    return SPEC;
  }

  /** The persisted form of a registration. */
  public record Registration(String model, int version) {}

  /**
   * Reads the blessing inside the evaluation report; an evaluation without one (an older report)
   * counts as blessed, as it was made without gates.
   */
  private static void refuseUnblessed(StepContext context) {
    JsonNode blessing;
    try {
      blessing = Json.MAPPER.readTree(context.bytes("evaluation")).path("blessing");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the evaluation report", e);
    }
    if (blessing.path("blessed").asBoolean(true)) {
      return;
    }
    List<String> reasons = new ArrayList<>();
    blessing.path("reasons").forEach(r -> reasons.add(r.asText()));
    throw new InvalidInputException(
        "the model is not blessed, so it is not registered: " + String.join("; ", reasons)
            + " (see the evaluation's thresholds)");
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String name = context.requiredString("model_name");
    MetadataStore metadata = context.stores().metadata();
    InputArtifact model = context.input("model");
    refuseUnblessed(context);
    Optional<ModelVersion> existing = metadata.model(name).isEmpty()
        ? Optional.empty()
        : metadata.versions(name).stream().filter(v -> v.artifactId() == model.artifact().id()).findFirst();
    if (existing.isPresent()) {
      // The same bundle (same digest) is the same model: registering it again would only add a
      // version that differs from an existing one in its number.
      context.progress().accept("already registered as " + name + ":" + existing.get().version());
      return registration(context, name, existing.get());
    }
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("model.digest", model.artifact().digest());
    Lineage.upstream(metadata, model.artifact(), ArtifactTypes.DATASET)
        .ifPresent(a -> tags.put("dataset.digest", a.digest()));
    Lineage.upstream(metadata, model.artifact(), ArtifactTypes.TRANSFORM_GRAPH)
        .ifPresent(a -> tags.put("transform.digest", a.digest()));
    metadata.producerOf(model.artifact().id())
        .map(Execution::parameters)
        .ifPresent(p -> tags.put("train.parameters", new String(Json.bytes(p), StandardCharsets.UTF_8)));
    tags.put("evaluation.digest", context.input("evaluation").artifact().digest());
    tags.put("pipeline.run", Long.toString(context.pipelineRunId()));
    Artifact modelArtifact = model.artifact();
    ModelVersion version =
        metadata.registerModelVersion(
            name, modelArtifact.id(), context.pipelineRunId(), null, tags, context.clock().instant());
    context.progress().accept("registered " + name + ":" + version.version());
    return registration(context, name, version);
  }

  private static Map<String, StepOutput> registration(StepContext context, String name, ModelVersion version) {
    return Map.of(
        "registration",
        new StepOutput(
            context.writeJson(new Registration(name, version.version())),
            Map.of("model", name, "version", Integer.toString(version.version()))));
  }
}
