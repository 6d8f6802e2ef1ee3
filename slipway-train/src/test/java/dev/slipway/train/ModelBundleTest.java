package dev.slipway.train;

import dev.slipway.train.evaluation.ModelEvaluator;
import dev.slipway.train.evaluation.EvaluationConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Predictions;
import dev.slipway.core.Sha256;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelBundleTest {

  private static ModelBundle bundle(CreditGFixture data, String trainerName) {
    Trainer trainer = Trainers.find(trainerName);
    Map<String, Object> params =
        trainerName.equals("xgboost") ? Map.of("num_round", 30) : Map.of("epochs", 20);
    TrainedModel model = trainer.train(data.xTrain(), data.yTrain(), params, 42);
    Provenance provenance =
        Provenance.of(trainer, params, 42, Map.of("train", Sha256.hex("credit_g train rows")));
    return ModelBundle.create(
        Task.CLASSIFICATION,
        CreditG.LABEL,
        data.yTrain().classes(),
        data.inputSchema(),
        data.transform(),
        model,
        provenance);
  }

  private static byte[] bytes(ModelBundle bundle) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    bundle.write(out);
    return out.toByteArray();
  }

  @ParameterizedTest
  @ValueSource(strings = {"xgboost", "logistic_regression"})
  void writeReadPredictGivesIdenticalPredictionsAndBytes(String trainer) throws IOException {
    CreditGFixture data = CreditGFixture.load();
    ModelBundle bundle = bundle(data, trainer);
    Table requests = data.eval().without(CreditG.LABEL);

    byte[] first = bytes(bundle);
    ModelBundle back = ModelBundle.read(new ByteArrayInputStream(first));

    Predictions expected = bundle.predict(requests);
    Predictions actual = back.predict(requests);
    assertThat(actual.labels()).isEqualTo(expected.labels());
    assertThat(actual.probabilities()).isDeepEqualTo(expected.probabilities());
    assertThat(bytes(bundle)).isEqualTo(first);
    assertThat(bytes(back)).isEqualTo(first);
    assertThat(back.classes()).containsExactly("bad", "good");
    assertThat(back.positiveClass()).isEqualTo("good");
    assertThat(back.label()).isEqualTo("class");
    assertThat(back.provenance()).isEqualTo(bundle.provenance());
    assertThat(back.inputSchema()).isEqualTo(bundle.inputSchema());
    assertThat(back.transform()).isEqualTo(bundle.transform());
  }

  @Test
  void zipHoldsTheDocumentedEntriesInOrder() throws IOException {
    byte[] zip = bytes(bundle(CreditGFixture.load(), "xgboost"));
    List<String> names = new ArrayList<>();
    String manifest = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
        byte[] content = in.readAllBytes();
        if (e.getName().equals("bundle.json")) {
          manifest = new String(content, StandardCharsets.UTF_8);
        }
      }
    }
    assertThat(names)
        .containsExactly("bundle.json", "schema.json", "transform.json", "model.bin", "provenance.json");
    assertThat(manifest)
        .contains("\"format_version\" : 1", "\"trainer\" : \"xgboost\"", "\"positive_class\" : \"good\"")
        .contains("{\n    \"datatype\" : \"INT64\",\n    \"name\" : \"duration\"\n  }")
        .contains("\"datatype\" : \"BYTES\",\n    \"name\" : \"checking_status\"")
        .doesNotContain("label_transform"); // absent, so bundles from before it keep their bytes
  }

  @Test
  void signatureMapsSchemaTypes() {
    ModelBundle bundle = bundle(CreditGFixture.load(), "logistic_regression");
    assertThat(bundle.signature()).hasSize(20);
    assertThat(bundle.signature().get(0)).isEqualTo(new TensorSpec("checking_status", "BYTES"));
    assertThat(bundle.signature().get(1)).isEqualTo(new TensorSpec("duration", "INT64"));
  }

  @Test
  void provenanceRecordsEffectiveParametersAndLibraries() {
    ModelBundle bundle = bundle(CreditGFixture.load(), "xgboost");
    Provenance p = bundle.provenance();
    assertThat(p.parameters()).containsEntry("num_round", "30").containsEntry("max_depth", "4");
    assertThat(p.libraryVersions()).containsEntry("xgboost4j", "3.4.0");
    assertThat(p.javaVersion()).isEqualTo(Runtime.version().toString());
    assertThat(p.seed()).isEqualTo(42);
    assertThat(Provenance.of(Trainers.find("logistic_regression"), Map.of(), 1, Map.of()).libraryVersions())
        .containsEntry("tribuo", "4.3.2");
  }

  @Test
  void evaluatorUsesThePositiveClass() {
    CreditGFixture data = CreditGFixture.load();
    ModelBundle bundle = bundle(data, "logistic_regression");
    Map<String, Double> good = ModelEvaluator.evaluate(bundle, data.eval(), EvaluationConfig.defaults()).metrics();
    Map<String, Double> bad =
        ModelEvaluator.evaluate(bundle.withPositiveClass("bad"), data.eval(), EvaluationConfig.defaults()).metrics();
    assertThat(good.get("roc_auc")).isBetween(0.78, 0.88);
    // AUC is symmetric in the positive class; recall is not
    assertThat(bad.get("roc_auc")).isCloseTo(good.get("roc_auc"), within(1e-12));
    assertThat(bad.get("recall")).isNotEqualTo(good.get("recall"));
    assertThat(good.get("accuracy")).isEqualTo(bad.get("accuracy"));
  }

  @Test
  void evaluatorNamesAnUnknownLabel() {
    CreditGFixture data = CreditGFixture.load();
    ModelBundle bundle = bundle(data, "xgboost");
    Table eval = data.eval();
    String[] labels = ((dev.slipway.core.StringColumn) eval.column("class")).values().clone();
    labels[3] = "maybe";
    Table changed =
        new Table(
            eval.columns().stream()
                .map(c -> c.name().equals("class") ? new dev.slipway.core.StringColumn("class", labels) : c)
                .toList());
    assertThatThrownBy(() -> ModelEvaluator.evaluate(bundle, changed, EvaluationConfig.defaults()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'maybe' at row 3");
  }

  @Test
  void predictNamesAMissingInputColumn() {
    CreditGFixture data = CreditGFixture.load();
    ModelBundle bundle = bundle(data, "xgboost");
    assertThatThrownBy(() -> bundle.predict(data.eval().without("age")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no column 'age'");
  }

  @Test
  void missingEntryIsRejected() throws IOException {
    byte[] zip = bytes(bundle(CreditGFixture.load(), "xgboost"));
    byte[] withoutModel = rewrite(zip, "model.bin", null);
    assertThatThrownBy(() -> ModelBundle.read(new ByteArrayInputStream(withoutModel)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no 'model.bin' entry");
  }

  @Test
  void unknownFormatVersionIsRejected() throws IOException {
    byte[] zip = bytes(bundle(CreditGFixture.load(), "xgboost"));
    byte[] future = rewrite(zip, "bundle.json", s -> s.replace("\"format_version\" : 1", "\"format_version\" : 2"));
    assertThatThrownBy(() -> ModelBundle.read(new ByteArrayInputStream(future)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("format_version 2 is not supported");
  }

  @Test
  void writesAtomicallyToAFile(@TempDir Path dir) throws IOException {
    ModelBundle bundle = bundle(CreditGFixture.load(), "logistic_regression");
    Path file = dir.resolve("model.zip");
    bundle.write(file);
    assertThat(Sha256.hex(file)).isEqualTo(Sha256.hex(bytes(bundle)));
    assertThat(ModelBundle.read(file).classes()).containsExactly("bad", "good");
    assertThat(dir.toFile().list()).containsExactly("model.zip");
  }

  @Test
  void labelMustNotBeAnInput() {
    CreditGFixture data = CreditGFixture.load();
    ModelBundle good = bundle(data, "xgboost");
    assertThatThrownBy(
            () ->
                ModelBundle.create(
                    Task.CLASSIFICATION,
                    "age",
                    good.classes(),
                    good.inputSchema(),
                    good.transform(),
                    good.model(),
                    good.provenance()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("label column 'age'");
  }

  /** Copies a zip, dropping ({@code edit == null}) or editing one text entry. */
  private static byte[] rewrite(
      byte[] zip, String entry, java.util.function.UnaryOperator<String> edit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
        byte[] content = in.readAllBytes();
        if (e.getName().equals(entry)) {
          if (edit == null) {
            continue;
          }
          content = edit.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        }
        z.putNextEntry(new ZipEntry(e.getName()));
        z.write(content);
        z.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
