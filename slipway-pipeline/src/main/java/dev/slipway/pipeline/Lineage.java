package dev.slipway.pipeline;

import dev.slipway.store.Artifact;
import dev.slipway.store.Event;
import dev.slipway.store.EventType;
import dev.slipway.store.Execution;
import dev.slipway.store.MetadataStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Lineage as a graph query over recorded events: an artifact's producer is the execution that
 * output it; that execution's inputs are the artifact's parents. Nothing is inferred.
 */
public final class Lineage {
  private Lineage() {}

  /**
   * An artifact with the execution that produced it and, recursively, that execution's inputs.
   *
   * @param port the input port through which the child consumed this artifact (null at the root)
   * @param producer absent for artifacts no execution produced
   */
  public record Node(String port, Artifact artifact, Optional<Execution> producer, List<Node> inputs) {}

  /** The lineage tree of an artifact. Shared ancestors appear once per path. */
  public static Node of(MetadataStore metadata, Artifact artifact) {
    return node(metadata, null, artifact);
  }

  private static Node node(MetadataStore metadata, String port, Artifact artifact) {
    Optional<Execution> producer = metadata.producerOf(artifact.id());
    List<Node> inputs = new ArrayList<>();
    producer.ifPresent(
        execution -> {
          for (Event e : metadata.events(execution.id())) {
            if (e.type() == EventType.INPUT) {
              metadata.artifact(e.artifactId()).ifPresent(a -> inputs.add(node(metadata, e.name(), a)));
            }
          }
        });
    return new Node(port, artifact, producer, List.copyOf(inputs));
  }

  /** The nearest ancestor of the given type (breadth-first), e.g. the Dataset behind a Model. */
  public static Optional<Artifact> upstream(MetadataStore metadata, Artifact from, String type) {
    Deque<Artifact> queue = new ArrayDeque<>(List.of(from));
    Set<Long> seen = new HashSet<>();
    while (!queue.isEmpty()) {
      Artifact a = queue.removeFirst();
      if (!seen.add(a.id())) {
        continue;
      }
      if (a != from && a.type().equals(type)) {
        return Optional.of(a);
      }
      metadata.producerOf(a.id()).ifPresent(
          execution -> {
            for (Event e : metadata.events(execution.id())) {
              if (e.type() == EventType.INPUT) {
                metadata.artifact(e.artifactId()).ifPresent(queue::addLast);
              }
            }
          });
    }
    return Optional.empty();
  }
}
