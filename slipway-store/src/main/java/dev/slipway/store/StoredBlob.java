package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A blob held by an {@link ArtifactStore}: its identity (the lower-case hex SHA-256 of its bytes),
 * where it lives, and its length in bytes.
 *
 * @param digest lower-case hex SHA-256 of the bytes, 64 characters
 * @param uri where the blob can be read, e.g. {@code file:///home/me/.slipway/artifacts/sha256/ba/ba78…}
 * @param size length in bytes
 */
public record StoredBlob(String digest, String uri, long size) {
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

  public StoredBlob {
    requireDigest(digest);
    Objects.requireNonNull(uri, "uri");
    if (size < 0) {
      throw new InvalidInputException("blob size must be >= 0, got " + size);
    }
  }

  /**
   * Checks that {@code digest} is a lower-case hex SHA-256 and returns it.
   *
   * @throws InvalidInputException naming the bad value otherwise
   */
  static String requireDigest(String digest) {
    if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
      throw new InvalidInputException(
          "not a sha256 digest: '" + digest + "'; expected 64 lower-case hex characters");
    }
    return digest;
  }
}
