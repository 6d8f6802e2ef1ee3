package dev.slipway.store;

/** Direction of an {@link Event}: the execution read the artifact, or wrote it. */
public enum EventType {
  INPUT,
  OUTPUT
}
