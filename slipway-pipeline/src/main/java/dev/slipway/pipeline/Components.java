package dev.slipway.pipeline;

import dev.slipway.core.InvalidInputException;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The components available on the class path, by name. */
public final class Components {
  private final Map<String, Component> byName;

  private Components(Map<String, Component> byName) {
    this.byName = byName;
  }

  /** Every {@link Component} registered with {@link ServiceLoader}. */
  public static Components discover() {
    Map<String, Component> found = new TreeMap<>();
    for (Component c : ServiceLoader.load(Component.class)) {
      Component previous = found.putIfAbsent(c.spec().name(), c);
      if (previous != null) {
        throw new IllegalStateException(
            "two components are named '" + c.spec().name() + "': "
                + previous.getClass().getName() + " and " + c.getClass().getName());
      }
    }
    return new Components(found);
  }

  public Component get(String name) {
    Component c = byName.get(name);
    if (c == null) {
      throw new InvalidInputException(
          "unknown component '" + name + "'; known components: " + String.join(", ", byName.keySet()));
    }
    return c;
  }
}
