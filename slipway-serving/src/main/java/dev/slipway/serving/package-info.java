/**
 * The model server: serves one {@link dev.slipway.core.Predictor} over HTTP with the KServe Open
 * Inference Protocol v2 (REST), validates each request against the model's input schema at the
 * boundary, and records every predicted row in a {@link dev.slipway.serving.PredictionLog}.
 *
 * <p>Public surface: {@link dev.slipway.serving.ModelServer} (the entry point), {@link
 * dev.slipway.serving.ServedModel}, {@link dev.slipway.serving.PredictionLog}, {@link
 * dev.slipway.serving.PredictionRecord} and {@link dev.slipway.serving.JsonlPredictionLog}.
 * Request parsing and response encoding are package-private; they use Jackson's tree and streaming
 * APIs directly so the hot path does no reflection. HTTP status mapping lives only in {@code
 * ModelServer}: {@link dev.slipway.core.InvalidInputException} → 400, {@link
 * dev.slipway.core.NotFoundException} → 404, anything else → 500.
 */
package dev.slipway.serving;
