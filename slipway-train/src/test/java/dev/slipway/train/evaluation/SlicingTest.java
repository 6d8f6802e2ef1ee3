package dev.slipway.train.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * Slicing on real data against scikit-learn: credit_g's 200 eval rows (sklearn's stratified split)
 * scored with sklearn's own logistic regression; per-slice counts, ROC AUC and TPR were printed by
 * {@code src/test/resources/reference/evaluation_reference.py} (last block).
 */
class SlicingTest {
  private static final Path CREDIT =
      Path.of(System.getProperty("slipway.data", "/work/shared/data"), "credit_g.csv");

  @Test
  void personalStatusSlicesMatchSklearn() throws IOException {
    assumeTrue(Files.isReadable(CREDIT), "skipped: real data set " + CREDIT + " is absent");
    int[] evalRows = Arrays.stream(resource("credit_g_eval_rows.txt")).mapToInt(d -> (int) d).toArray();
    double[] pGood = resource("credit_g_sklearn_lr_p_good.txt");
    List<CSVRecord> records;
    try (Reader reader = Files.newBufferedReader(CREDIT, StandardCharsets.UTF_8);
        CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
      records = parser.getRecords();
    }
    String[] status = new String[evalRows.length];
    String[] worker = new String[evalRows.length];
    boolean[] good = new boolean[evalRows.length];
    for (int i = 0; i < evalRows.length; i++) {
      CSVRecord r = records.get(evalRows[i]);
      status[i] = r.get("personal_status");
      worker[i] = r.get("foreign_worker");
      good[i] = r.get("class").equals("good");
    }
    Table table = new Table(List.of(new StringColumn("personal_status", status), new StringColumn("foreign_worker", worker)));

    Map<String, int[]> groups = ModelEvaluator.groups(table, SliceSpec.parse("personal_status"));
    assertThat(groups.keySet()).containsExactly(
        "personal_status=female div/dep/mar", "personal_status=male div/sep",
        "personal_status=male mar/wid", "personal_status=male single");
    double[][] expected = { // count, roc_auc, tpr at 0.5
      {54, 0.8210678210678211, 0.8181818181818182}, {14, 0.6875, 0.875},
      {21, 0.8823529411764706, 0.8823529411764706}, {111, 0.8359966358284273, 0.9390243902439024}
    };
    int g = 0;
    for (int[] rows : groups.values()) {
      int[] truth = new int[rows.length];
      double[][] p = new double[rows.length][];
      boolean[] pos = new boolean[rows.length];
      double[] s = new double[rows.length];
      for (int i = 0; i < rows.length; i++) {
        truth[i] = good[rows[i]] ? 1 : 0;
        pos[i] = good[rows[i]];
        s[i] = pGood[rows[i]];
        p[i] = new double[] {1 - s[i], s[i]};
      }
      assertThat(rows.length).isEqualTo((int) expected[g][0]);
      assertThat(ClassificationMetrics.binary(truth, p, 1).get("roc_auc")).isCloseTo(expected[g][1], within(1e-9));
      assertThat(ConfusionCounts.at(pos, s, 0.5).truePositiveRate()).isCloseTo(expected[g][2], within(1e-9));
      g++;
    }
    Map<String, int[]> cross = ModelEvaluator.groups(table, SliceSpec.parse("personal_status,foreign_worker"));
    assertThat(cross).containsKey("personal_status=male single, foreign_worker=yes");
    assertThat(cross.values().stream().mapToInt(r -> r.length).sum()).isEqualTo(200);
    assertThat(ModelEvaluator.groups(table, SliceSpec.parse("foreign_worker")).get("foreign_worker=no")).hasSize(8);
  }

  private static double[] resource(String name) throws IOException {
    try (InputStream in = SlicingTest.class.getResourceAsStream("/reference/" + name)) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      return Arrays.stream(text.split("\\s+")).mapToDouble(Double::parseDouble).toArray();
    }
  }
}
