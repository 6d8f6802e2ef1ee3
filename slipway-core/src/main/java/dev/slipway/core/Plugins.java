package dev.slipway.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Finds service implementations (trainers, components) on the class path and in optional plugin
 * folders. A plugin is a folder of jars, one of which lists its services under {@code
 * META-INF/services}; the folders are named by the system property {@value #PATH_PROPERTY}
 * (separated like a class path). Optional modules whose libraries are too large to ship with
 * every install (the DJL trainer brings 111 MB of PyTorch) travel this way.
 *
 * <p>Classes on the class path win over the same classes in a plugin, so a plugin shares Slipway's
 * own types and libraries.
 */
public final class Plugins {

  /** System property naming the plugin folders. */
  public static final String PATH_PROPERTY = "slipway.plugin.path";

  private Plugins() {}

  /** Made once: the plugin path does not change while the JVM runs. */
  private static final class Holder {
    static final ClassLoader LOADER = loader(System.getProperty(PATH_PROPERTY, ""));
  }

  /** The class loader that sees the class path and every plugin jar. */
  public static ClassLoader classLoader() {
    return Holder.LOADER;
  }

  /** Every implementation of {@code service} on the class path and in the plugins. */
  public static <T> List<T> load(Class<T> service) {
    List<T> out = new ArrayList<>();
    ServiceLoader.load(service, classLoader()).forEach(out::add);
    return out;
  }

  /**
   * A loader over the jars in the given folders, or this class's own loader when there are none.
   * Folders that do not exist are skipped: a plugin that was never built is simply absent.
   */
  static ClassLoader loader(String path) {
    List<URL> jars = new ArrayList<>();
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (!folder.isBlank() && Files.isDirectory(Path.of(folder))) {
        jars.addAll(jarsIn(Path.of(folder)));
      }
    }
    ClassLoader parent = Plugins.class.getClassLoader();
    return jars.isEmpty() ? parent : new URLClassLoader(jars.toArray(URL[]::new), parent);
  }

  private static List<URL> jarsIn(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<URL> out = new ArrayList<>();
      for (Path jar : files.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
        out.add(jar.toUri().toURL());
      }
      return out;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list plugin folder " + folder, e);
    }
  }
}
