/**
 * Pipelines: a YAML file ({@link dev.slipway.pipeline.PipelineFile}) names steps, the
 * {@link dev.slipway.pipeline.Component} each runs, its parameters and which upstream outputs it
 * reads. The {@link dev.slipway.pipeline.PipelineExecutor} runs the DAG in-process, records every
 * execution and its input/output artifacts in the metadata store, and reuses a step's earlier
 * outputs when its cache key (component, version, parameters, input digests) is unchanged.
 *
 * <p>Components are plugins found with {@link java.util.ServiceLoader} on the class path and in
 * plugin folders ({@link dev.slipway.core.Plugins}); the built-in ones live in {@code
 * dev.slipway.pipeline.components}.
 */
package dev.slipway.pipeline;
