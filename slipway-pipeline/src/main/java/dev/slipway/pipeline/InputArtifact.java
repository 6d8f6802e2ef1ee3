package dev.slipway.pipeline;

import dev.slipway.store.Artifact;
import java.nio.file.Path;

/** An upstream artifact as a step sees it: its metadata record and its (read-only) file. */
public record InputArtifact(Artifact artifact, Path file) {}
