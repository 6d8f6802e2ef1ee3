package dev.slipway.store;

import java.util.Objects;

/**
 * One edge of the lineage graph: execution {@code executionId} read ({@link EventType#INPUT}) or
 * wrote ({@link EventType#OUTPUT}) artifact {@code artifactId} on port {@code name}.
 *
 * @param name the component's port, e.g. {@code "train"} or {@code "model"}
 */
public record Event(long executionId, long artifactId, EventType type, String name) {
  public Event {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }
}
