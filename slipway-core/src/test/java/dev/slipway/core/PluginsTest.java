package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin folder is a folder of jars: a service compiled here, outside the class path, is found
 * through it and only through it.
 */
class PluginsTest {

  @TempDir Path dir;

  @Test
  void servicesInPluginJarsAreFoundAndMissingFoldersSkipped() throws Exception {
    Path plugin = Files.createDirectories(dir.resolve("plugin"));
    writePluginJar(plugin.resolve("greeting.jar"));
    String path = dir.resolve("never-built") + File.pathSeparator + plugin;

    List<String> found = new ArrayList<>();
    for (Supplier<?> s : ServiceLoader.load(Supplier.class, Plugins.loader(path))) {
      found.add(String.valueOf(s.get()));
    }

    assertThat(found).containsExactly("hello from a plugin");
    assertThat(ServiceLoader.load(Supplier.class, Plugins.loader("")).findFirst()).isEmpty();
    assertThat(Plugins.loader(dir.resolve("never-built").toString()))
        .isSameAs(Plugins.class.getClassLoader());
  }

  /** Compiles a {@code Supplier} implementation and jars it with its service entry. */
  private void writePluginJar(Path jar) throws IOException {
    Path src = Files.createDirectories(dir.resolve("src/greeting"));
    Files.writeString(
        src.resolve("Greeting.java"),
        "package greeting; public class Greeting implements java.util.function.Supplier<String> {"
            + " public String get() { return \"hello from a plugin\"; } }");
    Path classes = Files.createDirectories(dir.resolve("classes"));
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "-d", classes.toString(), src.resolve("Greeting.java").toString());
    assertThat(rc).isZero();
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("greeting/Greeting.class"));
      out.write(Files.readAllBytes(classes.resolve("greeting/Greeting.class")));
      out.putNextEntry(new JarEntry("META-INF/services/java.util.function.Supplier"));
      out.write("greeting.Greeting\n".getBytes(StandardCharsets.UTF_8));
    }
  }
}
