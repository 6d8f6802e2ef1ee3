package dev.slipway.store;

/** Life cycle of one step execution. Only {@link #COMPLETE} executions are reused by the cache. */
public enum ExecutionState {
  /** Started and not finished; also what a killed run leaves behind. */
  RUNNING,
  /** Ran to the end and recorded its outputs. */
  COMPLETE,
  /** Did not run: its outputs were taken from an earlier COMPLETE execution with the same key. */
  CACHED,
  /** Ran and failed; its outputs, if any, are never reused. */
  FAILED
}
