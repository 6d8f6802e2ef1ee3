package dev.slipway.store;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalArtifactStoreTest {
  // FIPS 180-2 appendix B test vectors, independent of any code under test.
  private static final String ABC_SHA256 =
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  private static final String TWO_BLOCK_MESSAGE =
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  private static final String TWO_BLOCK_SHA256 =
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @TempDir Path root;

  @Test
  void digestOfBytesIsTheFipsSha256AndNamesTheBlobPath() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(root);

    StoredBlob blob = store.put("abc".getBytes(US_ASCII));

    Path expected = root.resolve("sha256").resolve("ba").resolve(ABC_SHA256);
    assertThat(blob.digest()).isEqualTo(ABC_SHA256);
    assertThat(blob.size()).isEqualTo(3);
    assertThat(blob.uri()).startsWith("file:").isEqualTo(expected.toUri().toString());
    assertThat(Files.readString(expected, US_ASCII)).isEqualTo("abc");
    assertThat(store.path(ABC_SHA256)).isEqualTo(expected);
    assertThat(store.put(new byte[0]).digest()).isEqualTo(EMPTY_SHA256);
  }

  @Test
  void putOfAnOutsideFileCopiesItAndLeavesTheSource() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
    Path source = Files.writeString(root.resolve("input.txt"), TWO_BLOCK_MESSAGE, US_ASCII);

    StoredBlob blob = store.put(source);

    assertThat(blob.digest()).isEqualTo(TWO_BLOCK_SHA256);
    assertThat(blob.size()).isEqualTo(TWO_BLOCK_MESSAGE.length());
    assertThat(source).exists().hasContent(TWO_BLOCK_MESSAGE);
    try (InputStream in = store.open(TWO_BLOCK_SHA256)) {
      assertThat(new String(in.readAllBytes(), US_ASCII)).isEqualTo(TWO_BLOCK_MESSAGE);
    }
    assertThat(tempFiles(store)).isEmpty();
  }

  @Test
  void putOfOwnTempFileMovesItIntoPlace() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(root);
    Path temp = store.newTempFile(".txt");
    assertThat(temp.getParent()).isEqualTo(root.resolve("tmp"));
    assertThat(temp.getFileName().toString()).endsWith(".txt");
    Files.writeString(temp, "abc", US_ASCII);

    StoredBlob blob = store.put(temp);

    assertThat(blob.digest()).isEqualTo(ABC_SHA256);
    assertThat(temp).doesNotExist();
    assertThat(store.contains(ABC_SHA256)).isTrue();
    assertThat(tempFiles(store)).isEmpty();
  }

  @Test
  void secondPutOfSameBytesKeepsTheExistingBlob() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(root);
    StoredBlob first = store.put("abc".getBytes(US_ASCII));
    Object fileKey = Files.readAttributes(store.path(ABC_SHA256),
        BasicFileAttributes.class).fileKey();

    StoredBlob second = store.put("abc".getBytes(US_ASCII));
    Path source = Files.writeString(root.resolve("again.txt"), "abc", US_ASCII);
    StoredBlob third = store.put(source);

    assertThat(second).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    assertThat(Files.readAttributes(store.path(ABC_SHA256),
        BasicFileAttributes.class).fileKey())
        .as("the original file (same inode) is kept, not replaced")
        .isEqualTo(fileKey);
    assertThat(blobFiles(store)).hasSize(1);
    assertThat(tempFiles(store)).isEmpty();
  }

  @Test
  void blobsAreReadOnly() throws IOException {
    LocalArtifactStore store = new LocalArtifactStore(root);
    store.put("abc".getBytes(US_ASCII));
    Path temp = store.newTempFile("");
    Files.writeString(temp, TWO_BLOCK_MESSAGE, US_ASCII);
    store.put(temp);

    for (String digest : List.of(ABC_SHA256, TWO_BLOCK_SHA256)) {
      assertThat(Files.getPosixFilePermissions(store.path(digest)))
          .doesNotContain(
              PosixFilePermission.OWNER_WRITE,
              PosixFilePermission.GROUP_WRITE,
              PosixFilePermission.OTHERS_WRITE)
          .contains(PosixFilePermission.OWNER_READ);
    }
  }

  @Test
  void leftoverTempFileIsNeverVisibleAsABlobAndIsCleanedAfterAnHour() throws IOException {
    Instant now = Instant.parse("2026-11-24T10:00:00Z");
    LocalArtifactStore store = new LocalArtifactStore(root, Clock.fixed(now, ZoneOffset.UTC));
    // A writer killed mid-write leaves a partial file in tmp/ and never publishes it.
    Path killed = store.newTempFile(".part");
    Files.writeString(killed, "ab", US_ASCII);
    Files.setLastModifiedTime(killed, FileTime.from(now.minus(Duration.ofMinutes(61))));
    Path inProgress = store.newTempFile(".part");
    Files.setLastModifiedTime(inProgress, FileTime.from(now.minus(Duration.ofMinutes(59))));

    assertThat(store.contains(ABC_SHA256)).isFalse();
    assertThat(store.contains(Sha256.hex("ab"))).isFalse();
    assertThat(blobFiles(store)).isEmpty();

    LocalArtifactStore reopened =
        new LocalArtifactStore(root, Clock.fixed(now, ZoneOffset.UTC));

    assertThat(killed).doesNotExist();
    assertThat(inProgress).as("a younger temp file may belong to a live writer").exists();
    assertThat(blobFiles(reopened)).isEmpty();
  }

  @Test
  void concurrentPutsOfSameContentBothSucceedWithOneBlob() throws Exception {
    LocalArtifactStore store = new LocalArtifactStore(root);
    int rounds = 200;
    CyclicBarrier barrier = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<List<StoredBlob>>> results = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        boolean viaFile = t == 1;
        results.add(pool.submit(() -> {
          List<StoredBlob> blobs = new ArrayList<>();
          for (int i = 0; i < rounds; i++) {
            byte[] bytes = ("content " + i).repeat(1000).getBytes(US_ASCII);
            barrier.await();
            if (viaFile) {
              Path temp = store.newTempFile(".bin");
              Files.write(temp, bytes);
              blobs.add(store.put(temp));
            } else {
              blobs.add(store.put(bytes));
            }
          }
          return blobs;
        }));
      }
      List<StoredBlob> a = results.get(0).get();
      List<StoredBlob> b = results.get(1).get();
      assertThat(a).isEqualTo(b);
    } finally {
      pool.shutdownNow();
    }
    assertThat(blobFiles(store)).hasSize(rounds);
    for (int i = 0; i < rounds; i++) {
      byte[] bytes = ("content " + i).repeat(1000).getBytes(US_ASCII);
      String digest = Sha256.hex(bytes);
      assertThat(Files.readAllBytes(store.path(digest))).isEqualTo(bytes);
    }
    assertThat(tempFiles(store)).isEmpty();
  }

  @Test
  void errorsNameTheProblem() {
    LocalArtifactStore store = new LocalArtifactStore(root);

    assertThatThrownBy(() -> store.path(ABC_SHA256))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(ABC_SHA256);
    assertThatThrownBy(() -> store.open(ABC_SHA256))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining(ABC_SHA256);
    assertThatThrownBy(() -> store.contains("../../etc/passwd"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'../../etc/passwd'")
        .hasMessageContaining("64 lower-case hex");
    assertThatThrownBy(() -> store.put(root.resolve("missing.csv")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("missing.csv");
    assertThatThrownBy(() -> store.newTempFile("/x"))
        .isInstanceOf(InvalidInputException.class);
  }

  private static List<Path> blobFiles(LocalArtifactStore store) throws IOException {
    try (Stream<Path> files = Files.walk(store.root().resolve("sha256"))) {
      return files.filter(Files::isRegularFile).toList();
    }
  }

  private static List<Path> tempFiles(LocalArtifactStore store) throws IOException {
    try (Stream<Path> files = Files.list(store.root().resolve("tmp"))) {
      return files.toList();
    }
  }
}
