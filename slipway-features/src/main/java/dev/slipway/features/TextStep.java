package dev.slipway.features;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A bag-of-words encoding of one text column. The tokeniser lower-cases the text ({@link
 * String#toLowerCase(Locale)} with {@link Locale#ROOT}) and splits it into maximal runs of letters
 * and numbers (Unicode general categories L* and N*); everything else separates tokens. A missing
 * value is an empty document. This is sklearn's {@code lowercase=True,
 * token_pattern=r"[^\W_]+"}.
 *
 * <ul>
 *   <li>{@code tfidf}: one column per vocabulary token (the {@code max_tokens} most frequent
 *       training tokens with document frequency {@code >= min_df}, ties by token, in code-point
 *       order), value {@code count * idf} where {@code idf = ln((1 + n) / (1 + df)) + 1}, then the
 *       row is L2-normalised — sklearn's {@code TfidfVectorizer(smooth_idf=True, norm='l2')}.
 *   <li>{@code hashing}: {@code buckets} columns; a token adds 1 to bucket {@code |h| mod buckets}
 *       where {@code h} is the signed MurmurHash3 (x86, 32-bit, seed 0) of its UTF-8 bytes; then
 *       the row is L2-normalised — sklearn's {@code HashingVectorizer(alternate_sign=False)}.
 * </ul>
 *
 * With {@code norm: none} the rows are not normalised.
 *
 * @param column the input column
 * @param method {@code tfidf} or {@code hashing}
 * @param tokens the vocabulary ({@code tfidf}), in code-point order
 * @param idf one weight per token ({@code tfidf})
 * @param buckets the number of buckets ({@code hashing}; 0 for tfidf)
 * @param norm {@code l2} or {@code none}
 */
record TextStep(
    String column, String method, List<String> tokens, List<Double> idf, int buckets, String norm)
    implements TransformGraph.Step {

  static final String TFIDF = "tfidf";
  static final String HASHING = "hashing";

  TextStep {
    tokens = List.copyOf(tokens);
    idf = List.copyOf(idf);
    if (!TFIDF.equals(method) && !HASHING.equals(method)) {
      throw new InvalidInputException(
          "text method '" + method + "' is not supported; expected tfidf or hashing");
    }
    if (tokens.size() != idf.size()) {
      throw new InvalidInputException("text step for '" + column + "': one idf per token needed");
    }
  }

  @Override
  public List<String> inputColumns() {
    return List.of(column);
  }

  @Override
  public List<String> outputNames() {
    List<String> names = new ArrayList<>();
    if (TFIDF.equals(method)) {
      for (String token : tokens) {
        names.add(column + ".tfidf=" + token);
      }
    } else {
      for (int b = 0; b < buckets; b++) {
        names.add(column + ".hash=" + b);
      }
    }
    return names;
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    Column input = rows.column(column);
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      index.put(tokens.get(i), i);
    }
    int width = outputNames().size();
    for (int r = 0; r < input.size(); r++) {
      int base = r * stride + offset;
      for (String token : tokenize(input.text(r))) {
        if (TFIDF.equals(method)) {
          Integer i = index.get(token);
          if (i != null) {
            out[base + i] += 1;
          }
        } else {
          out[base + bucket(token, buckets)] += 1;
        }
      }
      if (TFIDF.equals(method)) {
        for (int i = 0; i < width; i++) {
          out[base + i] *= idf.get(i);
        }
      }
      if ("l2".equals(norm)) {
        double sum = 0;
        for (int i = 0; i < width; i++) {
          sum += out[base + i] * out[base + i];
        }
        double length = Math.sqrt(sum);
        if (length > 0) {
          for (int i = 0; i < width; i++) {
            out[base + i] /= length;
          }
        }
      }
    }
  }

  /** The tokens of a text, in order (see the class comment); none for null. */
  static List<String> tokenize(String text) {
    List<String> tokens = new ArrayList<>();
    if (text == null) {
      return tokens;
    }
    String lower = text.toLowerCase(Locale.ROOT);
    int start = -1;
    for (int i = 0; i < lower.length(); ) {
      int cp = lower.codePointAt(i);
      if (isWordChar(cp)) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        tokens.add(lower.substring(start, i));
        start = -1;
      }
      i += Character.charCount(cp);
    }
    if (start >= 0) {
      tokens.add(lower.substring(start));
    }
    return tokens;
  }

  private static boolean isWordChar(int cp) {
    return switch (Character.getType(cp)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER ->
          true;
      default -> false;
    };
  }

  /** The bucket of a token: {@code |murmur3_32(utf8(token), 0)| mod buckets}, as sklearn. */
  static int bucket(String token, int buckets) {
    long h = murmur3(token.getBytes(StandardCharsets.UTF_8), 0);
    return (int) (Math.abs(h) % buckets);
  }

  /** MurmurHash3 x86 32-bit (Austin Appleby's reference algorithm), as a signed int. */
  static int murmur3(byte[] data, int seed) {
    final int c1 = 0xcc9e2d51;
    final int c2 = 0x1b873593;
    int h = seed;
    int blocks = data.length / 4;
    for (int i = 0; i < blocks; i++) {
      int k =
          (data[4 * i] & 0xff)
              | (data[4 * i + 1] & 0xff) << 8
              | (data[4 * i + 2] & 0xff) << 16
              | (data[4 * i + 3] & 0xff) << 24;
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
      h = Integer.rotateLeft(h, 13);
      h = h * 5 + 0xe6546b64;
    }
    int tail = blocks * 4;
    int rest = data.length & 3;
    if (rest > 0) {
      int k = 0;
      if (rest == 3) {
        k ^= (data[tail + 2] & 0xff) << 16;
      }
      if (rest >= 2) {
        k ^= (data[tail + 1] & 0xff) << 8;
      }
      k ^= data[tail] & 0xff;
      k *= c1;
      k = Integer.rotateLeft(k, 15);
      k *= c2;
      h ^= k;
    }
    h ^= data.length;
    h ^= h >>> 16;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    h *= 0xc2b2ae35;
    h ^= h >>> 16;
    return h;
  }
}
