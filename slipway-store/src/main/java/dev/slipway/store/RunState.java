package dev.slipway.store;

/** Life cycle of a pipeline run or an experiment run. */
public enum RunState {
  /** Started and not finished; also what a killed run leaves behind. */
  RUNNING,
  SUCCEEDED,
  FAILED
}
