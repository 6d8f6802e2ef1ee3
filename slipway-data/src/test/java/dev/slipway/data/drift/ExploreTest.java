package dev.slipway.data.drift;

import dev.slipway.core.Json;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.data.SchemaInference;
import dev.slipway.data.SchemaValidator;
import org.junit.jupiter.api.Test;

class ExploreTest {
  static void show(Table a, Table b, Schema s) {
    System.out.println(SchemaValidator.validate(b, s).items());
    DriftReport r = DriftDetector.compare(a, b, s, Comparison.DRIFT);
    for (FeatureDrift f : r.features()) {
      System.out.printf("%s %s linf=%s js=%s psi=%s ks=%s chi=%s %s%n", f.name(), f.kind(), f.infinityNorm(), f.jensenShannonDivergence(), f.psi(), f.ks(), f.chiSquared(), f.flagged());
    }
    r.anomalies().items().forEach(x -> System.out.println("  " + x));
  }

  @Test
  void explore() {
    Table spam = Fixtures.read("spam_assassin.csv");
    Table s1 = Fixtures.where(spam, "group", "spam-1"::equals);
    Table s2 = Fixtures.where(spam, "group", "spam-2"::equals);
    show(s1, s2, SchemaInference.infer(s1, new SchemaInference.Options(100, "label", false)));
    Table w = Fixtures.read("seattle_weather.csv");
    Table su = Fixtures.where(w, "date", Fixtures::summer);
    Table wi = Fixtures.where(w, "date", Fixtures::winter);
    show(su, wi, SchemaInference.infer(su, new SchemaInference.Options(100, "weather", false)));
    show(Fixtures.rows(w, r -> r % 2 == 0), Fixtures.rows(w, r -> r % 2 == 1), SchemaInference.infer(w));
  }
}
