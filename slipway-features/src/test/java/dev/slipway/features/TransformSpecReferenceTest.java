package dev.slipway.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Fitted values checked against independent references: sklearn 1.2.1 and numpy 1.24.2 as
 * recorded with Debian's {@code /usr/bin/python3} (the script is quoted in each test), or first
 * principles.
 */
class TransformSpecReferenceTest {

  /** Documents in {@code docs}, recorded by the scripts below. */
  private static final String[] DOCS = {
    "The quick brown fox, the LAZY dog!",
    "Dog eats dog; fox_2 runs 42 times.",
    null,
    "Über café naïve résumé: ÜBER 2nd ½ price",
    "the the the fox"
  };

  private static Table docs() {
    return new Table(List.of(new StringColumn("body", DOCS)));
  }

  private static TransformGraph fit(Table train, Map<String, Object> step) {
    return TransformGraph.fit(train, TransformSpec.parse(List.of(step)));
  }

  private static double[] row(FeatureMatrix m, int r) {
    return Arrays.copyOfRange(m.values(), r * m.cols(), (r + 1) * m.cols());
  }

  /**
   * <pre>
   * docs = [..., "", ...]  # DOCS, with "" for the missing one
   * tf = TfidfVectorizer(lowercase=True, token_pattern=r"[^\W_]+", smooth_idf=True, norm="l2",
   *                      max_features=4)
   * X = tf.fit_transform(docs).toarray(); tf.get_feature_names_out(); tf.idf_
   * </pre>
   *
   * (max_features=4 because sklearn 1.2.1 breaks ties in term counts at the cut arbitrarily — an
   * unstable argsort — where Slipway takes the earlier token.)
   */
  @Test
  void tfidfMatchesSklearnTfidfVectorizer() {
    TransformGraph graph =
        fit(docs(), Map.of("op", "text", "column", "body", "method", "tfidf", "max_tokens", 4));
    TextStep step = (TextStep) graph.steps().getFirst();
    assertThat(step.tokens()).containsExactly("dog", "fox", "the", "über");
    assertThat(step.idf().stream().mapToDouble(Double::doubleValue).toArray())
        .containsExactly(
            new double[] {
              1.6931471805599454, 1.4054651081081644, 1.6931471805599454, 2.0986122886681096
            },
            within(1e-15));
    double[][] expected = {
      {0.4192568104779834, 0.3480210257141676, 0.8385136209559668, 0},
      {0.9236077439113727, 0.38333893017399634, 0, 0},
      {0, 0, 0, 0},
      {0, 0, 0, 1},
      {0, 0.2666765075583928, 0.9637860967644525, 0}
    };
    FeatureMatrix out = graph.apply(docs());
    assertThat(out.names().getFirst()).isEqualTo("body.tfidf=dog");
    for (int r = 0; r < expected.length; r++) {
      assertThat(row(out, r)).as("row %d", r).containsExactly(expected[r], within(1e-15));
    }
  }

  /**
   * <pre>
   * hv = HashingVectorizer(lowercase=True, token_pattern=r"[^\W_]+", alternate_sign=False,
   *                        norm="l2", n_features=16)
   * hv.transform(docs).toarray()
   * </pre>
   */
  @Test
  void hashingMatchesSklearnHashingVectorizer() {
    TransformGraph graph =
        fit(docs(), Map.of("op", "text", "column", "body", "method", "hashing", "buckets", 16));
    double a = 0.30151134457776363;
    double b = 0.6030226891555273;
    double c = 0.2886751345948129;
    double d = 0.5773502691896258;
    double[][] expected = {
      {a, 0, 0, 0, 0, a, 0, b, 0, 0, 0, 0, 0, a, b, 0},
      {0, 0, 0, 0, 0, 0.5, 0, 0.75, 0.25, 0, 0.25, 0, 0, 0.25, 0, 0},
      new double[16],
      {0, 0, c, d, d, c, 0, 0, c, 0, 0, 0, c, 0, 0, 0},
      {0, 0, 0, 0, 0, 0, 0, 0.31622776601683794, 0, 0, 0, 0, 0, 0, 0.9486832980505138, 0}
    };
    FeatureMatrix out = graph.apply(docs());
    for (int r = 0; r < expected.length; r++) {
      assertThat(row(out, r)).as("row %d", r).containsExactly(expected[r], within(1e-15));
    }
  }

  /** {@code sklearn.utils.murmurhash3_32(s, seed=0)}. */
  @ParameterizedTest
  @CsvSource({
    "'', 0",
    "a, 1009084850",
    "ab, -1681926305",
    "abc, -1277324294",
    "abcd, 1139631978",
    "hello, 613153351",
    "über, -1610176724",
    "The quick brown fox jumps, 302244059"
  })
  void murmur3MatchesSklearn(String text, int expected) {
    assertThat(TextStep.murmur3(text.getBytes(StandardCharsets.UTF_8), 0)).isEqualTo(expected);
  }

  /** {@code TfidfVectorizer(token_pattern=r"[^\W_]+").fit(docs).get_feature_names_out()}. */
  @Test
  void fullVocabularyMatchesSklearn() {
    TextStep step =
        (TextStep)
            fit(docs(), Map.of("op", "text", "column", "body", "max_tokens", 100))
                .steps()
                .getFirst();
    assertThat(step.tokens())
        .containsExactly(
            "2", "2nd", "42", "brown", "café", "dog", "eats", "fox", "lazy", "naïve", "price",
            "quick", "runs", "résumé", "the", "times", "½", "über");
  }

  @Test
  void tokeniserLowerCasesAndSplitsOnAnythingButLettersAndNumbers() {
    assertThat(TextStep.tokenize("Dog eats dog; fox_2 runs 42 TIMES. ½ Über"))
        .containsExactly("dog", "eats", "dog", "fox", "2", "runs", "42", "times", "½", "über");
  }

  /**
   * <pre>
   * x = np.array([3.5, -1.0, 7.25, 0.0, 2.0, 11.0, 4.0, 4.0, 9.5, -3.0, 6.0])
   * b = np.quantile(x, [i/5 for i in range(1,5)])  # [0.0, 3.5, 4.0, 7.25]
   * np.digitize(x, b)                              # [2, 0, 4, 1, 1, 4, 3, 3, 4, 0, 3]
   * </pre>
   */
  @Test
  void quantileBucketsMatchNumpy() {
    double[] x = {3.5, -1.0, 7.25, 0.0, 2.0, 11.0, 4.0, 4.0, 9.5, -3.0, 6.0};
    Table t = new Table(List.of(new NumericColumn("x", x)));
    TransformGraph graph = fit(t, Map.of("op", "bucketize", "columns", List.of("x"), "buckets", 5));
    assertThat(((BucketStep) graph.steps().getFirst()).boundaries()).containsExactly(0.0, 3.5, 4.0, 7.25);
    assertThat(graph.apply(t).values()).containsExactly(2, 0, 4, 1, 1, 4, 3, 3, 4, 0, 3);
    assertThat(graph.outputNames()).containsExactly("x.bucket");
  }

  @Test
  void standardizeMinMaxAndImputeFromFirstPrinciples() {
    Table t =
        new Table(
            List.of(
                new NumericColumn("a", new double[] {1, Double.NaN, 3, 8}),
                new NumericColumn("b", new double[] {2, 4, Double.NaN, 10})));
    TransformGraph graph =
        TransformGraph.fit(
            t,
            TransformSpec.parse(
                List.of(
                    Map.of("op", "impute", "columns", List.of("a"), "strategy", "median"),
                    Map.of("op", "standardize", "columns", List.of("a")),
                    Map.of("op", "min_max", "columns", List.of("b")))));
    // a imputed with median 3 -> [1, 3, 3, 8]: mean 3.75, population std sqrt(29.5/4 - ...)
    double mean = 15 / 4.0;
    double std =
        Math.sqrt(
            (Math.pow(1 - mean, 2) + 2 * Math.pow(3 - mean, 2) + Math.pow(8 - mean, 2)) / 4);
    // b: min 2, range 8; the missing value gets the mean of present values (16/3).
    FeatureMatrix out = graph.apply(t);
    assertThat(out.values())
        .containsExactly(
            new double[] {
              (1 - mean) / std, 0.0,
              (3 - mean) / std, 2 / 8.0,
              (3 - mean) / std, (16 / 3.0 - 2) / 8,
              (8 - mean) / std, 1.0
            },
            within(1e-12));
  }

  @Test
  void logThenStandardizeSeesTheLoggedValues() {
    Table t = new Table(List.of(new NumericColumn("x", new double[] {0, Math.E - 1, Double.NaN})));
    TransformGraph graph =
        TransformGraph.fit(
            t,
            TransformSpec.parse(
                List.of(
                    Map.of("op", "log", "columns", List.of("x")),
                    Map.of("op", "passthrough", "columns", List.of("x")))));
    assertThat(graph.apply(t).values()).containsExactly(new double[] {0, 1, 0.5}, within(1e-15));
  }

  @Test
  void oneHotKeepsFrequentValuesAndSeparatesRareFromUnseen() {
    Table train =
        new Table(
            List.of(
                new StringColumn(
                    "c", new String[] {"b", "a", "c", "c", "a", "d", null, "c", "e", "e"})));
    TransformGraph graph =
        fit(train, Map.of("op", "one_hot", "columns", List.of("c"), "min_frequency", 2, "max_categories", 2));
    // counts: c 3, a 2, e 2, b 1, d 1 -> keep c, a (max 2); e, b, d are rare.
    assertThat(graph.outputNames()).containsExactly("c=c", "c=a", "c=<rare>", "c=<unseen>");
    Table serve = new Table(List.of(new StringColumn("c", new String[] {"a", "b", null, "zz"})));
    assertThat(graph.apply(serve).values())
        .containsExactly(0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 1);
  }

  @Test
  void ordinalSortsValuesAndVocabularyRanksThem() {
    Table train = new Table(List.of(new StringColumn("c", new String[] {"b", "a", "b", "c", "b"})));
    Table serve = new Table(List.of(new StringColumn("c", new String[] {"a", "b", "c", "z", null})));
    assertThat(fit(train, Map.of("op", "ordinal", "columns", List.of("c"))).apply(serve).values())
        .containsExactly(0, 1, 2, 3, 3);
    assertThat(
            fit(train, Map.of("op", "vocabulary", "columns", List.of("c"), "top_k", 1))
                .apply(serve)
                .values())
        .containsExactly(1, 0, 1, 2, 2); // b kept; a, c rare (slot 1); z and missing unseen (2)
    assertThat(
            fit(train, Map.of("op", "ordinal", "columns", List.of("c"), "categories", List.of("c", "b", "a")))
                .apply(serve)
                .values())
        .containsExactly(2, 1, 0, 3, 3);
  }

  @Test
  void crossOneHotEncodesValuePairs() {
    Table t =
        new Table(
            List.of(
                new StringColumn("a", new String[] {"x", "x", "y", null}),
                new NumericColumn("b", new double[] {1, 2, 1, 1})));
    TransformGraph graph = fit(t, Map.of("op", "cross", "columns", List.of("a", "b")));
    assertThat(graph.outputNames()).containsExactly("a*b=x*1", "a*b=x*2", "a*b=y*1", "a*b=<unseen>");
    assertThat(graph.apply(t).values())
        .containsExactly(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1);
  }

  @Test
  void datePartsAreIsoCalendarFieldsAndMissingGetsTheMostFrequent() {
    Table t =
        new Table(
            List.of(
                new StringColumn(
                    "d",
                    new String[] {"2001-01-22", "2002-08-22T11:26:25Z", "2024-12-31 23:59:00", null})));
    TransformGraph graph =
        fit(t, Map.of("op", "date_parts", "column", "d", "parts", List.of("day_of_week", "month", "hour")));
    // 2001-01-22 Monday, 2002-08-22 Thursday, 2024-12-31 Tuesday (ISO 1 = Monday).
    assertThat(graph.outputNames()).containsExactly("d.day_of_week", "d.month", "d.hour");
    assertThat(graph.apply(t).values()).containsExactly(1, 1, 0, 4, 8, 11, 2, 12, 23, 1, 1, 0);
  }

  @Test
  void pixelsAreScaledByPrefix() {
    Table t =
        new Table(
            List.of(
                new StringColumn("label", new String[] {"x", "y"}),
                new NumericColumn("pixel1", new double[] {0, 255}),
                new NumericColumn("pixel2", new double[] {51, Double.NaN})));
    TransformGraph graph = fit(t, Map.of("op", "pixels", "columns_prefix", "pixel"));
    assertThat(graph.outputNames()).containsExactly("pixel1", "pixel2");
    assertThat(graph.apply(t).values()).containsExactly(0, 0.2, 1, 0);
  }
}
