package dev.slipway.data.engine;

import dev.slipway.core.InvalidInputException;
import java.io.BufferedWriter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The slow path for a CSV file that DuckDB refuses because it is not valid UTF-8: one streaming
 * pass over the raw bytes that counts, per column, the values whose bytes are not valid UTF-8 and
 * writes a repaired copy for the engine to read instead.
 *
 * <p>Design: the file is parsed with commons-csv over an ISO-8859-1 reader, which maps each byte
 * to one char, so every field's original bytes are recovered exactly and checked with a strict
 * UTF-8 decoder. The same bytes, as the parser pulls them, pass through a {@link Tee} that decodes
 * them with a replacing UTF-8 decoder and writes UTF-8: valid text is copied unchanged and each
 * maximal invalid subsequence becomes U+FFFD (the Unicode-recommended practice, which Python's
 * {@code errors='replace'} also follows). A malformed sequence never swallows an ASCII byte, so
 * delimiters, quotes and line ends — and therefore line numbers in later errors — are unchanged.
 * Memory is two 8 KiB buffers and one record; the file is never held in the heap.
 *
 * @param file the repaired copy (UTF-8)
 * @param invalidValues per column name, in header order, the number of values with invalid bytes
 */
record Utf8Repair(Path file, Map<String, Long> invalidValues) {
  private static final int BUFFER = 8192;

  Utf8Repair {
    invalidValues = Collections.unmodifiableMap(new LinkedHashMap<>(invalidValues));
  }

  /** Whether DuckDB refused a CSV because its bytes are not UTF-8. */
  static boolean isInvalidUtf8(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("Invalid unicode") || message.contains("not utf-8");
  }

  /** The sum over columns of {@link #invalidValues}. */
  long total() {
    return invalidValues.values().stream().mapToLong(Long::longValue).sum();
  }

  /**
   * Counts invalid values in {@code source} (whose first line is {@code header}) and writes the
   * repaired copy to {@code out}.
   *
   * @throws InvalidInputException when the file cannot be read or parsed as CSV
   */
  static Utf8Repair of(Path source, CsvHeader header, Path out) {
    List<String> names = header.names();
    long[] counts = new long[names.size()];
    CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(header.delimiter()).get();
    CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (Writer writer = new BufferedWriter(
            new java.io.OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8), BUFFER);
        Tee tee = new Tee(Files.newInputStream(source), writer);
        Reader latin1 = new InputStreamReader(tee, StandardCharsets.ISO_8859_1);
        CSVParser parser = CSVParser.parse(latin1, format)) {
      boolean first = true;
      for (CSVRecord record : parser) {
        if (first) {
          first = false; // the header, already checked to be UTF-8 by SourceScan
          continue;
        }
        for (int c = 0; c < Math.min(record.size(), counts.length); c++) {
          if (!isUtf8(record.get(c), strict)) {
            counts[c]++;
          }
        }
      }
      tee.transferTo(OutputStream.nullOutputStream());
      tee.finish();
    } catch (IOException | UncheckedIOException e) {
      throw new InvalidInputException(source + ": cannot read it to repair invalid UTF-8: " + e.getMessage(), e);
    }
    Map<String, Long> byName = new LinkedHashMap<>();
    for (int c = 0; c < counts.length; c++) {
      byName.put(names.get(c), counts[c]);
    }
    return new Utf8Repair(out, byName);
  }

  /** Whether a field read through ISO-8859-1 (one char per byte) holds valid UTF-8 bytes. */
  static boolean isUtf8(String latin1, CharsetDecoder strict) {
    boolean ascii = true;
    for (int i = 0; i < latin1.length() && ascii; i++) {
      ascii = latin1.charAt(i) < 0x80;
    }
    if (ascii) {
      return true;
    }
    try {
      strict.reset().decode(ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
      return true;
    } catch (CharacterCodingException e) {
      return false; // the answer, not a failure
    }
  }

  /** Passes bytes through unchanged while writing their UTF-8 decoding, with U+FFFD for errors. */
  private static final class Tee extends FilterInputStream {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final CharBuffer chars = CharBuffer.allocate(BUFFER);
    private final Writer out;
    private boolean finished;

    Tee(InputStream in, Writer out) {
      super(in);
      this.out = out;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      for (int done = 0; done < n; ) {
        int chunk = Math.min(n - done, bytes.remaining());
        bytes.put(b, off + done, chunk);
        done += chunk;
        decode(false);
      }
      return n;
    }

    /** Skips by reading, so that skipped bytes are still checked and copied. */
    @Override
    public long skip(long n) throws IOException {
      byte[] discard = new byte[(int) Math.min(n, 8192)];
      long skipped = 0;
      while (skipped < n) {
        int read = read(discard, 0, (int) Math.min(discard.length, n - skipped));
        if (read < 0) {
          break;
        }
        skipped += read;
      }
      return skipped;
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    void finish() throws IOException {
      if (!finished) {
        finished = true;
        decode(true);
        CoderResult r;
        do {
          r = decoder.flush(chars);
          drainChars();
        } while (r.isOverflow());
        out.flush();
      }
    }

    private void decode(boolean endOfInput) throws IOException {
      bytes.flip();
      CoderResult r;
      do {
        r = decoder.decode(bytes, chars, endOfInput);
        drainChars();
      } while (r.isOverflow());
      bytes.compact();
    }

    private void drainChars() throws IOException {
      chars.flip();
      out.append(chars);
      chars.clear();
    }
  }
}
