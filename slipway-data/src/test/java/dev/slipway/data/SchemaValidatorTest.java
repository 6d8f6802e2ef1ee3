package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.slipway.core.Anomalies;
import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaValidatorTest {

  private static final Schema SCHEMA =
      new Schema(
          List.of(
              new Schema.Feature("age", FeatureType.INT, true, null),
              new Schema.Feature("amount", FeatureType.FLOAT, false, null),
              new Schema.Feature("color", FeatureType.STRING, true, List.of("blue", "green", "red")),
              new Schema.Feature("label", FeatureType.STRING, true, List.of("bad", "good"))));

  private static Table table(double[] age, double[] amount, String[] color, String[] label) {
    return new Table(
        List.of(
            new NumericColumn("age", age),
            new NumericColumn("amount", amount),
            new StringColumn("color", color),
            new StringColumn("label", label)));
  }

  private static Table good() {
    return table(
        new double[] {30, 41, 52},
        new double[] {1.5, Double.NaN, 3},
        new String[] {"red", "blue", "red"},
        new String[] {"good", "bad", "good"});
  }

  private static Anomalies validate(Table t) {
    return SchemaValidator.validate(t, SCHEMA);
  }

  @Test
  void conformingTableHasNoAnomalies() {
    assertThat(validate(good()).isEmpty()).isTrue();
  }

  @Test
  void emptyDataset() {
    Table t = table(new double[0], new double[0], new String[0], new String[0]);
    assertThat(validate(t).items())
        .containsExactly(new Anomaly("DATASET_EMPTY", null, "the dataset has no rows"));
  }

  @Test
  void missingAndNewColumns() {
    Table t = good().without("amount");
    t = new Table(
        List.of(t.columns().get(0), t.columns().get(1), t.columns().get(2),
            new NumericColumn("extra", new double[] {1, 2, 3})));
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("SCHEMA_MISSING_COLUMN", "amount",
                "column 'amount' is in the schema (FLOAT) but not in the data"),
            new Anomaly("SCHEMA_NEW_COLUMN", "extra",
                "column 'extra' is not in the schema; add it to the schema or drop it"));
  }

  @Test
  void textWhereANumberIsExpected() {
    Table good = good();
    Table t =
        new Table(
            List.of(
                new StringColumn("age", new String[] {"30", null, "forty"}),
                good.column("amount"), good.column("color"), good.column("label")));
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("UNEXPECTED_DATA_TYPE", "age",
                "column 'age' should hold INT numbers but holds text, e.g. 'forty' at row 3"),
            new Anomaly("FEATURE_TYPE_LOW_FRACTION_PRESENT", "age",
                "column 'age' is required but 1 of 3 rows have no value (33.3%)"));
  }

  @Test
  void fractionalValuesInAnIntFeature() {
    Table t = table(
        new double[] {30, 41.5, 52.25},
        new double[] {1, 2, 3},
        new String[] {"red", "blue", "red"},
        new String[] {"good", "bad", "good"});
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("INT_TYPE_NOT_INT", "age",
                "column 'age' should hold whole numbers (INT) but 2 values are not, e.g. 41.5 at row 2"));
  }

  @Test
  void missingValuesInARequiredFeature() {
    Table t = table(
        new double[] {30, Double.NaN, Double.NaN, 4},
        new double[] {1, 2, 3, 4},
        new String[] {"red", "blue", "red", "red"},
        new String[] {"good", "bad", "good", "good"});
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("FEATURE_TYPE_LOW_FRACTION_PRESENT", "age",
                "column 'age' is required but 2 of 4 rows have no value (50.0%)"));
  }

  @Test
  void valuesOutsideTheDomainWithCountsAndAtMostFiveExamples() {
    String[] colors = {"red", "pink", "pink", "teal", "a", "b", "c", "d", "d", "blue"};
    double[] n = new double[colors.length];
    String[] labels = new String[colors.length];
    Arrays.fill(labels, "good");
    Table t = table(n, n, colors, labels);
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "color",
                "column 'color' has 8 rows with 6 values outside its domain of 3: 'd' (2 rows),"
                    + " 'pink' (2 rows), 'a' (1 row), 'b' (1 row), 'c' (1 row), and 1 more"));
  }

  @Test
  void oneValueOutsideTheDomain() {
    Table t = table(new double[] {1}, new double[] {1}, new String[] {"red"}, new String[] {"ugly"});
    assertThat(validate(t).items())
        .containsExactly(
            new Anomaly("ENUM_TYPE_UNEXPECTED_STRING_VALUES", "label",
                "column 'label' has 1 row with 1 value outside its domain of 2: 'ugly' (1 row)"));
  }

  @Test
  void ignoredColumnsAreSkippedBothWays() {
    Table serving = good().without("label");
    assertThat(validate(serving).items()).extracting(Anomaly::code)
        .containsExactly("SCHEMA_MISSING_COLUMN");
    assertThat(SchemaValidator.validate(serving, SCHEMA, Set.of("label")).isEmpty()).isTrue();
    Table withJunk = new Table(
        List.of(good().column("age"), good().column("amount"), good().column("color"),
            new StringColumn("label", new String[] {"??", "??", "??"})));
    assertThat(SchemaValidator.validate(withJunk, SCHEMA, Set.of("label")).isEmpty()).isTrue();
  }

  @Test
  void stringFeatureAcceptsNumbersAndChecksTheirText() {
    Schema schema = new Schema(List.of(new Schema.Feature("code", FeatureType.STRING, true, List.of("1", "2"))));
    Table ok = new Table(List.of(new NumericColumn("code", new double[] {1, 2, 2})));
    Table bad = new Table(List.of(new NumericColumn("code", new double[] {1, 3})));
    assertThat(SchemaValidator.validate(ok, schema).isEmpty()).isTrue();
    assertThat(SchemaValidator.validate(bad, schema).items()).extracting(Anomaly::message)
        .containsExactly("column 'code' has 1 row with 1 value outside its domain of 2: '3' (1 row)");
  }

  @Test
  void anomaliesComeInSchemaOrderAfterTheDatasetLevelOne() {
    Table t = new Table(List.of(
        new StringColumn("new", new String[0]),
        new StringColumn("label", new String[0])));
    assertThat(validate(t).items()).extracting(Anomaly::code, Anomaly::feature)
        .containsExactly(
            tuple("DATASET_EMPTY", null),
            tuple("SCHEMA_MISSING_COLUMN", "age"),
            tuple("SCHEMA_MISSING_COLUMN", "amount"),
            tuple("SCHEMA_MISSING_COLUMN", "color"),
            tuple("SCHEMA_NEW_COLUMN", "new"));
  }

  @Test
  void valuesOutsideTheRangeNameCountBoundAndFirstRow() {
    Schema ranged = new Schema(List.of(
        new Schema.Feature("age", FeatureType.INT, true, null).withRange(18.0, 99.0),
        new Schema.Feature("amount", FeatureType.FLOAT, false, null).withRange(0.0, null)));
    Table t = new Table(List.of(
        new NumericColumn("age", new double[] {17, 30, 120, 16}),
        new NumericColumn("amount", new double[] {1, -0.5, Double.NaN, 2})));
    assertThat(SchemaValidator.validate(t, ranged).items())
        .containsExactly(
            new Anomaly("INT_TYPE_SMALL_INT", "age", "column 'age' has 2 values below its minimum 18, e.g. 17 at row 1"),
            new Anomaly("INT_TYPE_BIG_INT", "age", "column 'age' has 1 value above its maximum 99, e.g. 120 at row 3"),
            new Anomaly("FLOAT_TYPE_SMALL_FLOAT", "amount", "column 'amount' has 1 value below its minimum 0, e.g. -0.5 at row 2"));
  }

  @Test
  void servingEnvironmentSkipsTheLabel() {
    Schema labelled = SCHEMA.withFeatures(SCHEMA.features().stream()
        .map(f -> f.name().equals("label") ? f.withNotInEnvironment(List.of(Schema.SERVING)) : f)
        .toList());
    Table serving = good().without("label");
    assertThat(SchemaValidator.validate(serving, labelled, Schema.SERVING).isEmpty()).isTrue();
    assertThat(SchemaValidator.validate(serving, labelled, Schema.TRAINING).items())
        .extracting(Anomaly::code).containsExactly("SCHEMA_MISSING_COLUMN");
  }
}
