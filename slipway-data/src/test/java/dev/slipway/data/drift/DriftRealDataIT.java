package dev.slipway.data.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaInference;
import dev.slipway.data.SchemaValidator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * Acceptance on the shared real data (skipped when absent). KS and chi-squared references from
 * Debian's /usr/bin/python3 (scipy 1.10), e.g. for Seattle summer (Jun–Aug) vs winter (Dec–Feb):
 *
 * <pre>
 * k = stats.ks_2samp(summer.temp_max, winter.temp_max)
 * special.kolmogorov(k.statistic * np.sqrt(368 * 361 / (368 + 361)))
 * stats.chi2_contingency([[251,82,18,17,0],[87,212,16,28,18]], correction=False)  # weather
 * </pre>
 */
class DriftRealDataIT {
  private static final SchemaInference.Options LABELLED_SPAM = new SchemaInference.Options(100, "label", false);

  private static Map<String, FeatureDrift> byName(DriftReport report) {
    return report.features().stream().collect(Collectors.toMap(FeatureDrift::name, Function.identity()));
  }

  @Test
  void spamTwoAgainstSpamOneDriftsInGroupAndDateOnly() {
    Table spam = Fixtures.read("spam_assassin.csv");
    Table spam1 = Fixtures.where(spam, "group", "spam-1"::equals);
    Table spam2 = Fixtures.where(spam, "group", "spam-2"::equals);
    Schema schema = SchemaInference.infer(spam1, LABELLED_SPAM);

    assertThat(SchemaValidator.validate(spam2, schema).items())
        .extracting(Anomaly::code, Anomaly::feature)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "group"));
    DriftReport report = DriftDetector.compare(spam1, spam2, schema, Comparison.DRIFT);
    Map<String, FeatureDrift> f = byName(report);
    assertThat(report.anomalies().items()).extracting(Anomaly::feature).containsOnly("group", "date");
    assertThat(f.get("group").flagged()).contains(DriftDetector.L_INFTY_HIGH);
    assertThat(f.get("group").infinityNorm()).isEqualTo(1.0); // all spam-1 -> all spam-2
    assertThat(f.get("date").kind()).isEqualTo(FeatureDrift.Kind.DATE);
    assertThat(f.get("date").flagged()).contains(DriftDetector.JS_HIGH, DriftDetector.KS_LOW_P);
    assertThat(f.get("label").infinityNorm()).isZero(); // spam in both
    assertThat(f.get("subject").kind()).isEqualTo(FeatureDrift.Kind.TEXT_LENGTH);
    // scipy: ks_2samp(lengths) of subject 0.02759 (p 0.93) and body 0.06564 (p 0.079) over raw
    // Python str lengths; Java counts UTF-16 units and the reader trims nothing, so D is close, not equal.
    assertThat(f.get("subject").ks().statistic()).isCloseTo(0.0276, within(0.002));
    assertThat(f.get("body").ks().statistic()).isCloseTo(0.066, within(0.005));
  }

  @Test
  void seattleWinterAgainstSummerDriftsInTemperaturesAndClassBalance() {
    Table weather = Fixtures.read("seattle_weather.csv");
    Table summer = Fixtures.where(weather, "date", Fixtures::summer);
    Table winter = Fixtures.where(weather, "date", Fixtures::winter);
    assertThat(summer.rowCount()).isEqualTo(368);
    assertThat(winter.rowCount()).isEqualTo(361);
    Schema schema = SchemaInference.infer(summer, new SchemaInference.Options(100, "weather", false));
    DriftReport report = DriftDetector.compare(summer, winter, schema, Comparison.DRIFT);
    Map<String, FeatureDrift> f = byName(report);

    FeatureDrift tempMax = f.get("temp_max");
    assertThat(tempMax.ks().statistic()).isCloseTo(0.9672859207515356, within(1e-12));
    assertThat(tempMax.ks().pValue()).isCloseTo(1.5930613995718e-148, Percentage.withPercentage(1e-4));
    assertThat(f.get("wind").ks().statistic()).isCloseTo(0.27075304106949294, within(1e-12));
    assertThat(f.get("wind").ks().pValue()).isCloseTo(4.983608419155325e-12, Percentage.withPercentage(0.01));
    assertThat(f.get("weather").chiSquared().statistic()).isCloseTo(157.81082877539654, within(1e-9));
    for (String temperature : new String[] {"temp_max", "temp_min"}) {
      assertThat(f.get(temperature).jensenShannonDivergence()).isGreaterThan(0.9);
      assertThat(f.get(temperature).flagged()).contains(DriftDetector.JS_HIGH, DriftDetector.KS_LOW_P);
    }
    assertThat(f.get("weather").flagged()).containsExactly(DriftDetector.CLASS_BALANCE_SHIFT);
    // sun 251/368 -> 87/361 is the largest move: L∞ from first principles.
    assertThat(f.get("weather").infinityNorm()).isCloseTo(251.0 / 368 - 87.0 / 361, within(1e-12));
  }

  @Test
  void seattleOddAgainstEvenDaysDoesNotDrift() {
    Table weather = Fixtures.read("seattle_weather.csv");
    Table even = Fixtures.rows(weather, r -> r % 2 == 0);
    Table odd = Fixtures.rows(weather, r -> r % 2 == 1);
    DriftReport report = DriftDetector.compare(even, odd, SchemaInference.infer(even), Comparison.DRIFT);
    assertThat(report.anomalies().items()).isEmpty();
    assertThat(byName(report).get("temp_max").jensenShannonDivergence()).isLessThan(0.02);
  }

  @Test
  void creditRelabelledFromSeventyThirtyToFiftyFiftyShiftsTheClassBalance() {
    Table credit = Fixtures.read("credit_g.csv");
    StringColumn label = (StringColumn) credit.column("class");
    String[] relabelled = label.values().clone();
    int moved = 0;
    for (int r = 0; r < relabelled.length && moved < 200; r++) {
      if (relabelled[r].equals("good")) {
        relabelled[r] = "bad";
        moved++;
      }
    }
    Table current = Fixtures.replace(credit, "class", relabelled);
    Schema schema = SchemaInference.infer(credit, new SchemaInference.Options(100, "class", false));
    assertThat(schema.feature("class").orElseThrow().notInEnvironment()).containsExactly(Schema.SERVING);

    DriftReport drift = DriftDetector.compare(credit, current, schema, Comparison.DRIFT);
    assertThat(drift.anomalies().items()).singleElement().satisfies(a -> {
      assertThat(a.code()).isEqualTo("CLASS_BALANCE_SHIFT");
      assertThat(a.message()).isEqualTo("class balance of label 'class' shifted: good 70.0% -> 50.0%,"
          + " bad 30.0% -> 50.0% (L-infinity 0.2000 > threshold 0.1000)");
    });
    // First principles: PSI = 0.2 ln(0.7/0.5) + (-0.2) ln(0.3/0.5).
    assertThat(byName(drift).get("class").psi())
        .isCloseTo(0.2 * Math.log(0.7 / 0.5) - 0.2 * Math.log(0.3 / 0.5), within(1e-12));

    // Skew: serving requests carry no label, so the label is neither missing nor compared.
    Table serving = current.without("class");
    assertThat(SchemaValidator.validate(serving, schema, Schema.SERVING).isEmpty()).isTrue();
    DriftReport skew = DriftDetector.compare(credit, serving, schema, Comparison.SKEW);
    assertThat(skew.anomalies().isEmpty()).isTrue();
    assertThat(skew.features()).extracting(FeatureDrift::name).doesNotContain("class");
  }
}
