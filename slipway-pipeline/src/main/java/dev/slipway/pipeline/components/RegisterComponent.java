package dev.slipway.pipeline.components;

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
import java.util.LinkedHashMap;
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
    com.fasterxml.jackson.databind.JsonNode blessing;
    try {
      blessing = Json.MAPPER.readTree(context.bytes("evaluation")).path("blessing");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the evaluation report", e);
    }
    if (blessing.path("blessed").asBoolean(true)) {
      return;
    }
    java.util.List<String> reasons = new java.util.ArrayList<>();
    blessing.path("reasons").forEach(r -> reasons.add(r.asText()));
    throw new dev.slipway.core.InvalidInputException(
        "the model is not blessed, so it is not registered: " + String.join("; ", reasons)
            + " (see the evaluation's thresholds)");
  }

  @Override
  public Map<String, StepOutput> run(StepContext context) {
    String name = context.requiredString("model_name");
    MetadataStore metadata = context.stores().metadata();
    InputArtifact model = context.input("model");
    refuseUnblessed(context);
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("model.digest", model.artifact().digest());
    Lineage.upstream(metadata, model.artifact(), ArtifactTypes.DATASET)
        .ifPresent(a -> tags.put("dataset.digest", a.digest()));
    Lineage.upstream(metadata, model.artifact(), ArtifactTypes.TRANSFORM_GRAPH)
        .ifPresent(a -> tags.put("transform.digest", a.digest()));
    metadata.producerOf(model.artifact().id())
        .map(Execution::parameters)
        .ifPresent(p -> tags.put("train.parameters", new String(Json.bytes(p), java.nio.charset.StandardCharsets.UTF_8)));
    tags.put("evaluation.digest", context.input("evaluation").artifact().digest());
    tags.put("pipeline.run", Long.toString(context.pipelineRunId()));
    Artifact modelArtifact = model.artifact();
    ModelVersion version =
        metadata.registerModelVersion(
            name, modelArtifact.id(), context.pipelineRunId(), null, tags, context.clock().instant());
    context.progress().accept("registered " + name + ":" + version.version());
    return Map.of(
        "registration",
        new StepOutput(
            context.writeJson(new Registration(name, version.version())),
            Map.of("model", name, "version", Integer.toString(version.version()))));
  }
}
