package dev.slipway.pipeline;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Plugins;
import java.util.Map;
import java.util.TreeMap;

/** The components available, by name. */
public final class Components {
  private final Map<String, Component> byName;

  private Components(Map<String, Component> byName) {
    this.byName = byName;
  }

  /** Every {@link Component} registered as a service, on the class path or the {@link Plugins} path. */
  public static Components discover() {
    Map<String, Component> found = new TreeMap<>();
    for (Component c : Plugins.load(Component.class)) {
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
