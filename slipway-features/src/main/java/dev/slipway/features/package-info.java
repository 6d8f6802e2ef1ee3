/**
 * Feature transforms: a {@link dev.slipway.features.TransformGraph} is fitted on the training split
 * only, persisted as versioned JSON inside the model bundle, and applied identically at training,
 * evaluation and serving time, so a model can never see a preprocessing it was not trained with.
 *
 * <p>The output of a transform is a dense, row-major {@link dev.slipway.features.FeatureMatrix},
 * the one input format every trainer accepts.
 */
package dev.slipway.features;
