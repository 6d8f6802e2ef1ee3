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
      new Schema(
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
