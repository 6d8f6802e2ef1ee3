package dev.slipway.train.evaluation;

import dev.slipway.core.Column;
import dev.slipway.core.Predictions;
import dev.slipway.core.Table;
import dev.slipway.core.Task;
import dev.slipway.train.Labels;
import dev.slipway.train.ModelBundle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Which features a model relies on: seeded permutation importance over the raw input columns
 * (any model), and the average split gain over the transformed features (XGBoost and LightGBM).
 * Stateless; thread-safe.
 */
public final class FeatureImportance {
  private FeatureImportance() {}

  /**
   * Permutation importance: for each input column of the bundle, {@code repeats} times, shuffle the
   * column's values across rows and record how much the score falls. The score is ROC AUC (binary),
   * accuracy (more classes) or R² (regression). When {@code data} has more than {@code maxRows}
   * rows, all of this happens on a seeded sample of {@code maxRows} rows (in their original order).
   * Deterministic for a given seed.
   *
   * @throws dev.slipway.core.InvalidInputException as {@link ModelEvaluator#evaluate}
   */
  public static Map<String, Importance> permutation(
      ModelBundle bundle, Table data, int repeats, int maxRows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Table rows = data.rowCount() > maxRows ? data.take(sample(data.rowCount(), maxRows, random)) : data;
    Column label = rows.column(bundle.label());
    Table inputs = rows.without(bundle.label());
    double base = score(bundle, label, inputs);
    Map<String, Importance> out = new TreeMap<>();
    for (var feature : bundle.inputSchema().features()) {
      if (inputs.find(feature.name()).isEmpty()) {
        continue;
      }
      double[] drops = new double[repeats];
      for (int i = 0; i < repeats; i++) {
        drops[i] = base - score(bundle, label, permuted(inputs, feature.name(), random));
      }
      double mean = java.util.Arrays.stream(drops).average().orElse(0);
      double variance = java.util.Arrays.stream(drops).map(d -> (d - mean) * (d - mean)).sum() / repeats;
      out.put(feature.name(), new Importance(mean, Math.sqrt(variance)));
    }
    return out;
  }

  /**
   * Average split gain per transformed feature ({@link dev.slipway.train.TrainedModel#gainImportance},
   * XGBoost's {@code importance_type='gain'}; for LightGBM total gain over split count), named by
   * the transform's output columns; features never split on are absent. Empty for models that are
   * not tree ensembles.
   */
  public static Map<String, Double> gain(ModelBundle bundle) {
    List<String> names = bundle.transform().outputNames();
    Map<String, Double> out = new TreeMap<>();
    bundle.model().gainImportance().forEach((column, gain) -> out.put(names.get(column), gain));
    return out;
  }

  /** {@code k} distinct row indexes out of {@code n}, ascending (a partial Fisher-Yates). */
  private static int[] sample(int n, int k, SplittableRandom random) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = 0; i < k; i++) {
      int j = i + random.nextInt(n - i);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int[] out = java.util.Arrays.copyOf(order, k);
    java.util.Arrays.sort(out);
    return out;
  }

  private static Table permuted(Table inputs, String column, SplittableRandom random) {
    int n = inputs.rowCount();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) { // Fisher-Yates
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    List<Column> columns = new ArrayList<>();
    for (Column c : inputs.columns()) {
      columns.add(c.name().equals(column) ? c.take(order) : c);
    }
    return new Table(columns);
  }

  private static double score(ModelBundle bundle, Column label, Table inputs) {
    Predictions p = bundle.predict(inputs);
    if (bundle.task() == Task.REGRESSION) {
      return RegressionMetrics.of(Labels.regression(label).values(), p.values()).get("r2");
    }
    int[] truth = Labels.classification(label, bundle.classes()).classIndex();
    if (bundle.classes().size() == 2) {
      Map<String, Double> m = ClassificationMetrics.binary(truth, p.probabilities(), bundle.classes().indexOf(bundle.positiveClass()));
      return m.getOrDefault("roc_auc", m.get("accuracy"));
    }
    return ClassificationMetrics.multiclass(truth, p.probabilities()).get("accuracy");
  }
}
