package dev.slipway.train;

import dev.slipway.train.evaluation.ClassificationMetrics;
import dev.slipway.core.Column;
import dev.slipway.core.FeatureType;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.Schema;
import dev.slipway.core.Table;
import dev.slipway.features.FeatureMatrix;
import dev.slipway.features.TransformGraph;
import dev.slipway.features.TransformOptions;
import java.util.ArrayList;
import java.util.List;

/** credit_g split as scikit-learn splits it, transformed with the default transform. */
record CreditGFixture(
    Table train, Table eval, TransformGraph transform, FeatureMatrix xTrain, FeatureMatrix xEval,
    Labels yTrain, Labels yEval) {

  static CreditGFixture load() {
    Table all = CreditG.load();
    int[][] split = CreditG.sklearnSplit(all.rowCount());
    Table train = all.take(split[0]);
    Table eval = all.take(split[1]);
    TransformGraph transform =
        TransformGraph.fit(train, CreditG.features(all), TransformOptions.defaults());
    Labels yTrain = Labels.classification(train.column(CreditG.LABEL));
    return new CreditGFixture(
        train,
        eval,
        transform,
        transform.apply(train),
        transform.apply(eval),
        yTrain,
        Labels.classification(eval.column(CreditG.LABEL), yTrain.classes()));
  }

  /** The schema of the raw inputs, label excluded. */
  Schema inputSchema() {
    List<Schema.Feature> features = new ArrayList<>();
    for (Column c : train.columns()) {
      if (c.name().equals(CreditG.LABEL)) {
        continue;
      }
      FeatureType type =
          c instanceof NumericColumn n
              ? (n.isIntegral() ? FeatureType.INT : FeatureType.FLOAT)
              : FeatureType.STRING;
      features.add(new Schema.Feature(c.name(), type, true, null));
    }
    return new Schema(features);
  }

  /** ROC AUC of "good" (the last class, sklearn's positive label) on the eval rows. */
  double evalAuc(TrainedModel model) {
    return ClassificationMetrics.binary(yEval.classIndex(), model.predictProbabilities(xEval), 1)
        .get("roc_auc");
  }
}
