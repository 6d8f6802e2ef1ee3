package dev.slipway.core;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the files a user asks for (reports, schemas, exported models) atomically: into a hidden
 * sibling first, then renamed over the target, so a crash never leaves half a file where a good
 * one was. Parent directories are created; the file gets the user's default permissions.
 */
public final class OutputFiles {
  private OutputFiles() {}

  /**
   * Writes {@code bytes} to {@code file}, replacing it.
   *
   * @param what what the file is, for the error message, e.g. {@code HTML report}
   * @throws SlipwayException naming the file and the reason when it cannot be written
   */
  public static void write(Path file, byte[] bytes, String what) {
    Path target = file.toAbsolutePath();
    Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
    try {
      Files.createDirectories(target.getParent());
      try {
        Files.write(temp, bytes);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new SlipwayException("cannot write " + what + " to " + file + ": " + e.getMessage(), e);
    }
  }
}
