package dev.slipway.store;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Sha256;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * An {@link ArtifactStore} in a local directory.
 *
 * <p>Layout: {@code <root>/sha256/<first 2 hex>/<digest>} for blobs, {@code <root>/tmp/} for
 * writes in progress. A put writes (or copies) into {@code tmp/} while hashing, forces the bytes to
 * disk, makes the file read-only, and then publishes it with a hard link to the final name, which
 * fails atomically if the blob already exists — so a blob, once visible, is never replaced, and two
 * writers racing on the same content both succeed with one file. Where hard links are unsupported
 * it falls back to an atomic rename (equivalent: the content is identical). Either way a final name
 * only ever holds complete bytes; a killed writer leaves at most a file in {@code tmp/}, which the
 * next open older than {@link #TEMP_MAX_AGE} removes.
 *
 * <p>Thread-safe; several processes may share one root.
 */
public final class LocalArtifactStore implements ArtifactStore {
  /** Temp files older than this are leftovers of killed writers and are deleted on open. */
  public static final Duration TEMP_MAX_AGE = Duration.ofHours(1);

  private static final Set<PosixFilePermission> READ_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.OTHERS_READ);

  private final Path root;
  private final Path blobs;
  private final Path tmp;

  /** Opens (creating if needed) the store at {@code root}, judging leftovers by the system clock. */
  public LocalArtifactStore(Path root) {
    this(root, Clock.systemUTC());
  }

  /**
   * Opens (creating if needed) the store at {@code root} and deletes temp files last modified
   * {@link #TEMP_MAX_AGE} or more before {@code clock.instant()}.
   */
  public LocalArtifactStore(Path root, Clock clock) {
    this.root = root.toAbsolutePath().normalize();
    this.blobs = this.root.resolve("sha256");
    this.tmp = this.root.resolve("tmp");
    try {
      Files.createDirectories(blobs);
      Files.createDirectories(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create artifact store at " + this.root, e);
    }
    deleteLeftovers(clock.instant().minus(TEMP_MAX_AGE));
  }

  /** The store's root directory (absolute). */
  public Path root() {
    return root;
  }

  @Override
  public StoredBlob put(Path source) {
    Path file = source.toAbsolutePath().normalize();
    if (!Files.isRegularFile(file)) {
      throw new NotFoundException("cannot store " + source + ": not a regular file");
    }
    if (file.getParent() != null && file.getParent().equals(tmp)) {
      // Our own temp file: hash it in place and publish it; no copy.
      force(file);
      return publish(file, Sha256.hex(file));
    }
    Path temp = createTemp(".put");
    try (InputStream in = Files.newInputStream(file)) {
      return publish(temp, writeHashed(temp, in));
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new UncheckedIOException("cannot store " + source + " in " + root, e);
    } catch (RuntimeException e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public StoredBlob put(byte[] bytes) {
    Path temp = createTemp(".put");
    try {
      return publish(temp, writeHashed(temp, new ByteArrayInputStream(bytes)));
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new UncheckedIOException("cannot store " + bytes.length + " bytes in " + root, e);
    } catch (RuntimeException e) {
      deleteQuietly(temp, e);
      throw e;
    }
  }

  @Override
  public Path newTempFile(String suffix) {
    String s = suffix == null ? "" : suffix;
    if (s.contains("/") || s.contains("\\")) {
      throw new InvalidInputException("temp file suffix must not contain a path separator: " + s);
    }
    return createTemp(s);
  }

  @Override
  public boolean contains(String digest) {
    return Files.isRegularFile(blobPath(digest));
  }

  @Override
  public Path path(String digest) {
    Path path = blobPath(digest);
    if (!Files.isRegularFile(path)) {
      throw new NotFoundException("no blob sha256:" + digest + " in artifact store " + root);
    }
    return path;
  }

  @Override
  public InputStream open(String digest) {
    Path path = path(digest);
    try {
      return Files.newInputStream(path);
    } catch (NoSuchFileException e) {
      throw new NotFoundException("no blob sha256:" + digest + " in artifact store " + root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read blob " + path, e);
    }
  }

  @Override
  public String toString() {
    return "LocalArtifactStore[" + root + "]";
  }

  private Path blobPath(String digest) {
    StoredBlob.requireDigest(digest);
    return blobs.resolve(digest.substring(0, 2)).resolve(digest);
  }

  /** Copies {@code in} into {@code temp} while hashing, forces it to disk, returns the digest. */
  private static String writeHashed(Path temp, InputStream in) throws IOException {
    MessageDigest digest = Sha256.newDigest();
    try (OutputStream out =
        new DigestOutputStream(
            Files.newOutputStream(temp, StandardOpenOption.TRUNCATE_EXISTING), digest)) {
      in.transferTo(out);
    }
    force(temp);
    return HexFormat.of().formatHex(digest.digest());
  }

  /** Moves a complete, hashed temp file to its final name, keeping an existing blob if present. */
  private StoredBlob publish(Path temp, String digest) {
    Path target = blobPath(digest);
    try {
      Files.createDirectories(target.getParent());
      makeReadOnly(temp);
      try {
        Files.createLink(target, temp);
      } catch (FileAlreadyExistsException e) {
        // Same digest, same bytes: the blob that is already there stays.
      } catch (UnsupportedOperationException | FileSystemException e) {
        if (!Files.exists(target)) {
          Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      Files.deleteIfExists(temp);
      return new StoredBlob(digest, target.toUri().toString(), Files.size(target));
    } catch (IOException e) {
      deleteQuietly(temp, e);
      throw new UncheckedIOException("cannot publish blob sha256:" + digest + " in " + root, e);
    }
  }

  private Path createTemp(String suffix) {
    try {
      return Files.createTempFile(tmp, "blob-", suffix);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temp file in " + tmp, e);
    }
  }

  private static void force(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot flush " + file + " to disk", e);
    }
  }

  private static void makeReadOnly(Path file) throws IOException {
    PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (posix != null) {
      posix.setPermissions(READ_ONLY);
    } else if (!file.toFile().setWritable(false, false)) {
      throw new IOException("cannot make " + file + " read-only");
    }
  }

  /** Best-effort cleanup on a failure path; a cleanup failure is attached to the first error. */
  private static void deleteQuietly(Path file, Exception primary) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }

  private void deleteLeftovers(Instant olderThan) {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
      for (Path entry : entries) {
        try {
          if (Files.isRegularFile(entry)
              && Files.getLastModifiedTime(entry).toInstant().isBefore(olderThan)) {
            Files.deleteIfExists(entry);
          }
        } catch (NoSuchFileException e) {
          // Another process cleaned or published it first: nothing left to do.
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean temp files in " + tmp, e);
    }
  }
}
