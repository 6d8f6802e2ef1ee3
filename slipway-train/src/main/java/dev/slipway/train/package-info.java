/**
 * Training, evaluation and model bundles.
 *
 * <ul>
 *   <li>{@link dev.slipway.train.Trainer} is the plugin SPI (found on the class path and in plugin
 *       folders by {@link dev.slipway.core.Plugins}, looked up by name through {@link
 *       dev.slipway.train.Trainers}); the built-ins are {@code xgboost}, {@code lightgbm}, {@code
 *       logistic_regression}, {@code linear_regression} and {@code cart}; {@code mlp} comes as a
 *       plugin (module {@code slipway-train-djl}).
 *   <li>{@code dev.slipway.train.evaluation} computes the numbers a user sees (metrics, slices,
 *       gates), checked against scikit-learn.
 *   <li>{@link dev.slipway.train.ModelBundle} is the deployable unit: input schema, fitted
 *       transform, trained model and provenance in one deterministic, versioned zip, and the
 *       {@link dev.slipway.core.Predictor} the model server calls.
 *       A {@link dev.slipway.train.LabelTransform} trained under is undone on every prediction.
 *   <li>{@link dev.slipway.train.OnnxImport} turns an external ONNX file into a bundle whose model
 *       is an {@link dev.slipway.train.OnnxModel} run by onnxruntime (trainer {@code onnx});
 *       {@link dev.slipway.train.OnnxExport} writes a bundle's model as ONNX.
 * </ul>
 */
package dev.slipway.train;
