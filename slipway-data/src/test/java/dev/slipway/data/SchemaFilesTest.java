package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.FeatureType;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NotFoundException;
import dev.slipway.core.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaFilesTest {
  @TempDir Path dir;

  private static final Schema SCHEMA =
      new Schema(1, null,
          List.of(
              new Schema.Feature("age", FeatureType.INT, true, null),
              new Schema.Feature("amount", FeatureType.FLOAT, false, null),
              new Schema.Feature("checking_status", FeatureType.STRING, true,
                  List.of("0<=X<200", "<0", ">=200", "no checking"))));

  @Test
  void writesReadableYamlThatReadsBackEqual() throws IOException {
    Path file = dir.resolve("sub/schema.yaml");
    SchemaFiles.write(SCHEMA, file);
    String yaml = Files.readString(file);
    // The persisted form people edit; a change here breaks their files' diffs.
    assertThat(yaml)
        .isEqualTo(
            """
            version: 1
            features:
            - name: age
              type: INT
              required: true
            - name: amount
              type: FLOAT
              required: false
            - name: checking_status
              type: STRING
              required: true
              domain:
              - 0<=X<200
              - <0
              - '>=200'
              - no checking
            """);
    assertThat(SchemaFiles.read(file)).isEqualTo(SCHEMA);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file); // no temporary file left behind
    }
  }

  @Test
  void overwritesAnExistingFile() throws IOException {
    Path file = dir.resolve("schema.yaml");
    Files.writeString(file, "old");
    SchemaFiles.write(SCHEMA, file);
    assertThat(SchemaFiles.read(file)).isEqualTo(SCHEMA);
  }

  @Test
  void handWrittenYamlWithDefaults() throws IOException {
    Path file = Files.writeString(dir.resolve("s.yaml"),
        "features:\n  - name: x\n    type: FLOAT\n  - {name: c, type: STRING, domain: [a, b]}\n");
    assertThat(SchemaFiles.read(file).features())
        .containsExactly(
            new Schema.Feature("x", FeatureType.FLOAT, false, null),
            new Schema.Feature("c", FeatureType.STRING, false, List.of("a", "b")));
  }

  /** A version-1 file written by hand, every option used, must keep loading (STYLE rule 8). */
  @Test
  void goldenVersionOneFileLoads() throws Exception {
    Path file = Path.of(getClass().getResource("/golden/schema-v1.yaml").toURI());
    Schema schema = SchemaFiles.read(file);
    assertThat(schema.version()).isEqualTo(1);
    assertThat(schema.environments()).containsExactly(Schema.TRAINING, Schema.SERVING);
    assertThat(schema.features()).containsExactly(
        new Schema.Feature("age", FeatureType.INT, true, null).withRange(18.0, 100.0),
        new Schema.Feature("credit_amount", FeatureType.FLOAT, false, null).withComparators(
            new Schema.Thresholds(null, 0.05, 0.25, null), new Schema.Thresholds(null, 0.1, null, 0.01)),
        new Schema.Feature("checking_status", FeatureType.STRING, true,
            List.of("0<=X<200", "<0", ">=200", "no checking"))
            .withComparators(new Schema.Thresholds(0.01, null, null, null), null),
        new Schema.Feature("class", FeatureType.STRING, true, List.of("bad", "good"))
            .withNotInEnvironment(List.of(Schema.SERVING))
            .withComparators(new Schema.Thresholds(0.1, null, null, null), null));
    assertThat(schema.inEnvironment(Schema.SERVING).feature("class")).isEmpty();
    // Written back and read again, nothing is lost.
    Path copy = dir.resolve("copy.yaml");
    SchemaFiles.write(schema, copy);
    assertThat(SchemaFiles.read(copy)).isEqualTo(schema);
  }

  @Test
  void fileWithoutVersionReadsAsVersionOne() throws IOException {
    Path file = Files.writeString(dir.resolve("old.yaml"), "features:\n  - {name: x, type: INT}\n");
    assertThat(SchemaFiles.read(file).version()).isNull();
  }

  @Test
  void missingFileIsNotFound() {
    Path file = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> SchemaFiles.read(file))
        .isInstanceOf(NotFoundException.class)
        .hasMessage("file not found: " + file);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "empty file                | ''                                                          | the file is empty",
        "broken yaml               | 'features: [ {name: x'                                      | not a valid schema",
        "unknown key               | 'features:\\n  - name: x\\n    type: INT\\n    colour: 1\\n' | colour",
        "unknown type              | 'features:\\n  - name: x\\n    type: DOUBLE\\n'             | DOUBLE",
        "no type                   | 'features:\\n  - name: x\\n'                                | feature 1 ('x') has no type",
        "no name                   | 'features:\\n  - type: INT\\n'                              | feature 1 has no name",
        "repeated name             | 'features:\\n  - {name: x, type: INT}\\n  - {name: x, type: INT}\\n' | feature 2 repeats the name 'x'",
        "domain on a number        | 'features:\\n  - {name: x, type: INT, domain: [a]}\\n'      | domains are for STRING features",
        "newer version             | 'version: 2\\nfeatures: []\\n'                             | schema version 2 is not supported",
        "range on a string         | 'features:\\n  - {name: s, type: STRING, min: 1}\\n'        | ranges are for INT and FLOAT features",
        "min above max             | 'features:\\n  - {name: x, type: INT, min: 5, max: 1}\\n'   | has min 5.0 above max 1.0",
        "negative threshold        | 'features:\\n  - {name: x, type: INT, drift_comparator: {psi: -1}}\\n' | drift_comparator has psi -1.0; expected a number >= 0",
      })
  void malformedFileNamesFileAndProblem(String caseName, String yaml, String problem) throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), yaml.replace("\\n", "\n"));
    assertThatThrownBy(() -> SchemaFiles.read(file))
        .as(caseName)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(problem)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
