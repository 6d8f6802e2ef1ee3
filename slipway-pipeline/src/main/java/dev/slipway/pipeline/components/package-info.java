/**
 * The built-in components, one per lifecycle stage of the walking skeleton: ingest → split →
 * statistics → schema → validate → transform → train → evaluate → register. Each is a thin
 * adapter from artifacts to the library code of the data, features and train modules.
 */
package dev.slipway.pipeline.components;
