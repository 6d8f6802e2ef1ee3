package dev.slipway.store;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A second process for {@link SqliteSharingIT}: opens the metadata store at {@code args[0]} and
 * registers {@code args[3]} versions of model {@code args[1]} for artifact {@code args[2]}, tagged
 * {@code writer=child}. After its first version it waits until the parent process has registered
 * a later one, so the two processes' writes are forced to interleave. Exits 2 if that never
 * happens.
 */
public final class RegisteringProcess {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private RegisteringProcess() {}

  public static void main(String[] args) throws InterruptedException {
    String model = args[1];
    long artifactId = Long.parseLong(args[2]);
    int count = Integer.parseInt(args[3]);
    try (MetadataStore store = JdbcMetadataStore.sqlite(Path.of(args[0]))) {
      int first = register(store, model, artifactId);
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (!parentWroteAfter(store, model, first)) {
        if (System.nanoTime() > deadline) {
          System.err.println("parent wrote nothing after version " + first + " in " + PATIENCE);
          System.exit(2);
        }
        Thread.sleep(5);
      }
      for (int i = 1; i < count; i++) {
        register(store, model, artifactId);
      }
    }
  }

  private static int register(MetadataStore store, String model, long artifactId) {
    store.startPipelineRun("child", "d", Instant.EPOCH);
    return store
        .registerModelVersion(model, artifactId, null, null, Map.of("writer", "child"),
            Instant.EPOCH)
        .version();
  }

  private static boolean parentWroteAfter(MetadataStore store, String model, int version) {
    return store.versions(model).stream()
        .anyMatch(v -> v.version() > version && "parent".equals(v.tags().get("writer")));
  }
}
