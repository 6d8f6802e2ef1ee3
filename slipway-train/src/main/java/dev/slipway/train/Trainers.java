package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Plugins;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Looks up {@link Trainer} plugins on the class path and the {@link Plugins} path. Thread-safe. */
public final class Trainers {
  private Trainers() {}

  /**
   * Trainers shipped as optional plugins, with how to get them: named when they are asked for but
   * not installed.
   */
  private static final Map<String, String> OPTIONAL =
      Map.of(
          "mlp",
          "'mlp' is in the optional module slipway-train-djl (it brings 111 MB of PyTorch);"
              + " build it with './mvnw -q -pl slipway-train-djl -am package -DskipTests' and"
              + " ./slipway finds it");

  /** Loaded once; the class path does not change while the JVM runs. */
  private static final class Holder {
    static final List<Trainer> ALL =
        Plugins.load(Trainer.class).stream().sorted(Comparator.comparing(Trainer::name)).toList();
  }

  /** Every trainer found, sorted by name. */
  public static List<Trainer> all() {
    return Holder.ALL;
  }

  /** The optional trainers that are not installed, each with how to install it, by name. */
  public static Map<String, String> missingPlugins() {
    Map<String, String> out = new java.util.TreeMap<>(OPTIONAL);
    all().forEach(t -> out.remove(t.name()));
    return out;
  }

  /**
   * The trainer with this name.
   *
   * @throws InvalidInputException naming the known trainers when there is none, and how to get an
   *     optional one
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
                        + String.join(", ", all().stream().map(Trainer::name).toList())
                        + (OPTIONAL.containsKey(name) ? ". " + OPTIONAL.get(name) : "")));
  }
}
