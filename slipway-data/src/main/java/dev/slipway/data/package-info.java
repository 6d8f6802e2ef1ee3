/**
 * The data stage of a Slipway pipeline, in its first, in-memory form: read a CSV file into a
 * {@link dev.slipway.core.Table} ({@link dev.slipway.data.CsvReader}), write one back canonically
 * ({@link dev.slipway.data.CsvWriter}), split it reproducibly into train and eval
 * ({@link dev.slipway.data.Splitter}), describe it ({@link dev.slipway.data.StatisticsCalculator}),
 * infer the {@link dev.slipway.core.Schema} it should keep to
 * ({@link dev.slipway.data.SchemaInference}, stored as YAML by {@link dev.slipway.data.SchemaFiles})
 * and check new data against that schema ({@link dev.slipway.data.SchemaValidator}, with TFDV's
 * anomaly codes).
 *
 * <p>Everything here is a pure function of its inputs (the splitter of its seed too), so a stage
 * replayed on the same data gives the same bytes. Bad input fails with an
 * {@link dev.slipway.core.InvalidInputException} whose one-line message names the file, row,
 * column and value. All classes are stateless and thread-safe.
 */
package dev.slipway.data;
