package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * One streaming pass over a text file's bytes, before the engine reads it: checks that it exists
 * and is readable, keeps its first line (the CSV header), enforces the longest-line limit — so a
 * runaway line fails after {@code maxLineBytes} bytes instead of after the engine has read it
 * whole — and optionally digests the bytes. Memory use is one 1 MiB buffer plus the first line.
 *
 * @param sha256 hex digest of the whole file, or null when not asked for
 * @param header the first line without BOM and line end
 */
record SourceScan(String sha256, String header) {
  private static final int BUFFER = 1 << 20;

  /**
   * Scans {@code file}; reads only the first line when {@code digest} is false.
   *
   * @throws NotFoundException when the file does not exist
   * @throws InvalidInputException when it cannot be read, has a too long line, or a header that
   *     is not UTF-8
   */
  static SourceScan of(Path file, long maxLineBytes, boolean digest) {
    if (!Files.exists(file)) {
      throw new NotFoundException("file not found: " + file);
    }
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(file + ": not a regular file");
    }
    MessageDigest sha = digest ? Sha256.newDigest() : null;
    byte[] buffer = new byte[BUFFER];
    java.io.ByteArrayOutputStream first = new java.io.ByteArrayOutputStream();
    boolean inFirst = true;
    long line = 1;
    long lineBytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while ((n = in.read(buffer)) > 0) {
        if (sha != null) {
          sha.update(buffer, 0, n);
        }
        for (int i = 0; i < n; i++) {
          if (buffer[i] == '\n') {
            line++;
            lineBytes = 0;
            if (inFirst) {
              first.write(buffer, 0, i);
              inFirst = false;
              if (sha == null) {
                return new SourceScan(null, header(first.toByteArray(), file));
              }
            }
          } else if (++lineBytes > maxLineBytes) {
            throw new InvalidInputException(String.format(
                "%s: line %d is longer than %d bytes (row %d); raise --max-line-bytes if it is"
                    + " meant to be, else the file is not line-oriented text",
                file, line, maxLineBytes, line - 1));
          }
        }
        if (inFirst) {
          first.write(buffer, 0, n);
        }
      }
    } catch (AccessDeniedException e) {
      throw new InvalidInputException(file + ": cannot read: permission denied", e);
    } catch (IOException e) {
      throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    return new SourceScan(
        sha == null ? null : HexFormat.of().formatHex(sha.digest()),
        header(first.toByteArray(), file));
  }

  private static String header(byte[] bytes, Path file) {
    int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
        && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
    int end = bytes.length;
    if (end > start && bytes[end - 1] == '\r') {
      end--;
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, start, end - start))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidInputException(file + ": line 1 (the header) is not valid UTF-8", e);
    }
  }
}
