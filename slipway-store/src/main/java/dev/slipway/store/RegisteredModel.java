package dev.slipway.store;

import java.time.Instant;
import java.util.Objects;

/** A named model in the registry; its versions are {@link ModelVersion}s. */
public record RegisteredModel(String name, Instant createdAt) {
  public RegisteredModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
