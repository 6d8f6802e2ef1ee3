/**
 * The domain vocabulary every Slipway module speaks: in-memory {@link dev.slipway.core.Table}s,
 * {@link dev.slipway.core.Statistics}, {@link dev.slipway.core.Schema},
 * {@link dev.slipway.core.Anomalies}, the {@link dev.slipway.core.Predictor} contract that the
 * model server calls, content digests and the exception hierarchy; plus the two services every
 * module needs the same way: {@link dev.slipway.core.Plugins} (service lookup on the class path and
 * in plugin folders) and {@link dev.slipway.core.OutputFiles} (atomic writes of user files).
 *
 * <p>Nothing here touches databases or the network; the only framework is Jackson, so that every
 * record has one documented JSON/YAML form ({@link dev.slipway.core.Json}).
 */
package dev.slipway.core;
