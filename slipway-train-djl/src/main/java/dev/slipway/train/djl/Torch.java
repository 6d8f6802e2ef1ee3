package dev.slipway.train.djl;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import dev.slipway.core.SlipwayException;
import java.util.function.Supplier;

/**
 * The one PyTorch engine of this JVM. Every call into DJL goes through {@link #run}, which
 * serialises them: PyTorch's thread count is process-wide, and each model sets its own so that
 * its numbers do not depend on what ran before.
 */
final class Torch {
  static final String ENGINE = "PyTorch";
  private static final Object LOCK = new Object();
  private static boolean started;

  private Torch() {}

  /**
   * Runs {@code work} with PyTorch using {@code threads} intra-op threads.
   *
   * @throws SlipwayException when the PyTorch natives cannot be loaded
   */
  static <T> T run(int threads, Supplier<T> work) {
    synchronized (LOCK) {
      Thread thread = Thread.currentThread();
      ClassLoader previous = thread.getContextClassLoader();
      // DJL finds its engine and natives through the context class loader; in a plugin folder
      // that is not the application's loader.
      thread.setContextClassLoader(Torch.class.getClassLoader());
      try {
        start();
        JniUtils.setNumThreads(threads);
        return work.get();
      } finally {
        thread.setContextClassLoader(previous);
      }
    }
  }

  private static void start() {
    if (started) {
      return;
    }
    // The natives come from the pytorch-native-cpu jar; never reach for the network.
    if (System.getProperty("ai.djl.offline") == null) {
      System.setProperty("ai.djl.offline", "true");
    }
    try {
      Engine.getEngine(ENGINE);
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      throw new SlipwayException(
          "cannot start DJL's PyTorch engine (CPU, linux-x86_64): " + e.getMessage(), e);
    }
    started = true;
  }

  /**
   * DJL's and PyTorch's versions. Asked inside {@link #run}: the first use of DJL's {@code Engine}
   * class looks for engines once and for all, and outside it would not see the plugin's.
   */
  static java.util.Map<String, String> versions() {
    return run(1, () -> {
      java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
      out.put("djl", Engine.getDjlVersion());
      out.put("pytorch", Engine.getEngine(ENGINE).getVersion());
      return out;
    });
  }
}
