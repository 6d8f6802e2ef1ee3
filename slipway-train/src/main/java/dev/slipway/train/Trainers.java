package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceLoader;

/** Looks up {@link Trainer} plugins on the class path. Thread-safe. */
public final class Trainers {
  private Trainers() {}

  /** Loaded once; the class path does not change while the JVM runs. */
  private static final class Holder {
    static final List<Trainer> ALL =
        ServiceLoader.load(Trainer.class, Trainers.class.getClassLoader()).stream()
            .map(ServiceLoader.Provider::get)
            .sorted(Comparator.comparing(Trainer::name))
            .toList();
  }

  /** Every trainer found, sorted by name. */
  public static List<Trainer> all() {
    return Holder.ALL;
  }

  /**
   * The trainer with this name.
   *
   * @throws InvalidInputException naming the known trainers when there is none
   */
  public static Trainer find(String name) {
    return all().stream()
        .filter(t -> t.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "unknown trainer '"
                        + name
                        + "'; the known trainers are "
                        + String.join(", ", all().stream().map(Trainer::name).toList())));
  }
}
