package dev.slipway.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared real data sets; tests that need one are skipped when it is absent. */
final class RealData {
  /** The data directory: {@code $SLIPWAY_DATA}, else the shared checkout's {@code data/}. */
  static final Path DIR =
      Path.of(System.getenv().getOrDefault("SLIPWAY_DATA", "/work/shared/data"));

  private RealData() {}

  static Path require(String fileName) {
    Path file = DIR.resolve(fileName);
    assumeTrue(
        Files.isRegularFile(file),
        "skipped: real data set " + file + " is absent (set SLIPWAY_DATA to its directory)");
    return file;
  }
}
