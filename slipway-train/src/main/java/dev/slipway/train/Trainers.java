package dev.slipway.train;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Plugins;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Looks up {@link Trainer} plugins on the class path and the {@link Plugins} path. Thread-safe. */
public final class Trainers {
  private Trainers() {}

  /** Loaded once; the class path does not change while the JVM runs. */
  private static final class Holder {
    static final List<Trainer> ALL =
        Plugins.load(Trainer.class).stream().sorted(Comparator.comparing(Trainer::name)).toList();
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
                        + String.join(", ", all().stream().map(Trainer::name).toList())
                        + OPTIONAL.getOrDefault(name, "")));
  }

  /** Trainers shipped as optional plugins, with how to get them. */
  private static final Map<String, String> OPTIONAL =
      Map.of(
          "mlp",
          ". 'mlp' is in the optional module slipway-train-djl (it brings 111 MB of PyTorch);"
              + " build it with './mvnw -q -pl slipway-train-djl -am package -DskipTests' and"
              + " ./slipway finds it");
}
