package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.Sha256;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.features.TransformGraph;
import dev.slipway.features.TransformOptions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * Labels trained on a transformed scale: the bundle maps every prediction back (credit_g's
 * credit_amount as a regression target, which spans 250 to 18 424, learnt as its log).
 */
class LabelTransformTest {

  @Test
  void bundlePredictsOnTheLabelsOwnScaleAndKeepsTheTransformThroughWriteAndRead() throws IOException {
    CreditGFixture credit = CreditGFixture.load();
    String label = "credit_amount";
    List<String> features =
        CreditG.features(credit.train()).stream().filter(c -> !c.equals(label)).toList();
    TransformGraph transform = TransformGraph.fit(credit.train(), features, TransformOptions.defaults());
    Labels amounts = Labels.regression(credit.train().column(label));
    Labels logged = LabelTransform.LOG.apply(amounts, label);
    assertThat(logged.values()[3]).isEqualTo(Math.log(amounts.values()[3]));

    Trainer xgboost = Trainers.find("xgboost");
    Map<String, Object> params = Map.of("num_round", 50);
    TrainedModel model = xgboost.train(transform.apply(credit.train()), logged, params, 1);
    Schema inputs =
        new Schema(credit.inputSchema().features().stream().filter(f -> !f.name().equals(label)).toList());
    ModelBundle bundle =
        ModelBundle.create(Task.REGRESSION, label, List.of(), inputs, transform, model,
                Provenance.of(xgboost, params, 1, Map.of("train", Sha256.hex("credit_g train rows"))))
            .withLabelTransform(LabelTransform.LOG);

    double[] onLogScale = model.predictValues(transform.apply(credit.eval()));
    double[] predicted = bundle.predict(credit.eval().without(label)).values();
    for (int r = 0; r < predicted.length; r++) {
      assertThat(predicted[r]).isCloseTo(Math.exp(onLogScale[r]), within(1e-9 * predicted[r]));
    }
    assertThat(java.util.Arrays.stream(predicted).min().orElseThrow()).isGreaterThan(100.0);
    assertThat(java.util.Arrays.stream(predicted).max().orElseThrow()).isLessThan(30_000.0);

    ByteArrayOutputStream zip = new ByteArrayOutputStream();
    bundle.write(zip);
    ModelBundle back = ModelBundle.read(new ByteArrayInputStream(zip.toByteArray()));
    assertThat(back.labelTransform()).contains(LabelTransform.LOG);
    assertThat(back.predict(credit.eval().without(label)).values()).isEqualTo(predicted);
    assertThat(manifest(zip.toByteArray())).contains("\"label_transform\" : \"log\"");
  }

  @Test
  void labelsOutsideTheDomainAndClassesAreRefused() {
    Labels withZero = Labels.regression(new NumericColumn("visits", new double[] {3, 0, 7}));
    assertThatThrownBy(() -> LabelTransform.LOG.apply(withZero, "visits"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(
            "label column 'visits' is 0 at row 1; label_transform 'log' needs every label above 0"
                + " (log1p takes labels above -1)");
    assertThat(LabelTransform.LOG1P.apply(withZero, "visits").values())
        .containsExactly(Math.log1p(3), 0.0, Math.log1p(7));
    assertThat(LabelTransform.LOG1P.inverse(Math.log1p(7))).isCloseTo(7, within(1e-12));
    assertThatThrownBy(
            () -> LabelTransform.LOG1P.apply(
                Labels.regression(new NumericColumn("delta", new double[] {-2.5})), "delta"))
        .hasMessage("label column 'delta' is -2.5 at row 0; label_transform 'log1p' needs every label above -1");
    assertThatThrownBy(
            () -> LabelTransform.LOG.apply(
                Labels.classification(new StringColumn("class", new String[] {"a", "b"})), "class"))
        .hasMessage("label_transform 'log' applies to regression; label column 'class' holds classes");
    assertThatThrownBy(() -> LabelTransform.parse("sqrt"))
        .hasMessage("label_transform is 'sqrt'; expected one of log, log1p");
  }

  private static String manifest(byte[] zip) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      in.getNextEntry(); // bundle.json comes first
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
