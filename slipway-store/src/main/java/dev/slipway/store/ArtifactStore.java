package dev.slipway.store;

import dev.slipway.core.NotFoundException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Content-addressed, immutable blob storage: a blob's name is the SHA-256 of its bytes, so the same
 * bytes are stored once and a stored blob never changes.
 *
 * <p>Writes are atomic: a blob is written to a temporary file and then renamed into place, so a
 * crash or kill mid-write never leaves a partial blob under a digest. Implementations are
 * thread-safe and may be shared by several processes.
 */
public interface ArtifactStore {

  /**
   * Stores the bytes of {@code source}. If {@code source} was made by {@link #newTempFile} it may be
   * moved rather than copied, so it must not be used afterwards. Idempotent: storing bytes that are
   * already present returns the existing blob.
   *
   * @throws NotFoundException if {@code source} is not a readable regular file
   * @throws java.io.UncheckedIOException if the store cannot be written
   */
  StoredBlob put(Path source);

  /** Stores {@code bytes}; idempotent like {@link #put(Path)}. */
  StoredBlob put(byte[] bytes);

  /**
   * A fresh, empty file inside the store's temporary directory (same filesystem as the blobs), for
   * a stage to write its output into before {@link #put(Path)}. Leftovers are removed when a store
   * is opened an hour or more later.
   *
   * @param suffix file name suffix such as {@code ".parquet"}; may be empty
   */
  Path newTempFile(String suffix);

  /**
   * Whether a blob with this digest is stored.
   *
   * @throws dev.slipway.core.InvalidInputException if {@code digest} is not 64 lower-case hex
   */
  boolean contains(String digest);

  /**
   * The read-only file holding the blob.
   *
   * @throws NotFoundException naming the digest if no such blob is stored
   */
  Path path(String digest);

  /**
   * Opens the blob for reading; the caller closes the stream.
   *
   * @throws NotFoundException naming the digest if no such blob is stored
   */
  InputStream open(String digest);
}
