package dev.slipway.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as lower-case hex: the identity of every artifact and cache key. */
public final class Sha256 {
  private Sha256() {}

  /** A fresh digest; SHA-256 is mandatory on every JVM, so absence is a broken JVM. */
  public static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(newDigest().digest(bytes));
  }

  public static String hex(String text) {
    return hex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public static String hex(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return hex(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Digests the stream to its end; the caller closes it. */
  public static String hex(InputStream in) throws IOException {
    MessageDigest digest = newDigest();
    byte[] buffer = new byte[1 << 16];
    for (int n; (n = in.read(buffer)) > 0; ) {
      digest.update(buffer, 0, n);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
