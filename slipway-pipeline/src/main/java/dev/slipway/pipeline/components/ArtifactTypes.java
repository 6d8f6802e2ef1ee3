package dev.slipway.pipeline.components;

/** Names of the artifact types the built-in components exchange (see docs/concepts.md). */
public final class ArtifactTypes {
  private ArtifactTypes() {}

  /** The exact bytes of an ingested file; its digest is the dataset version. */
  public static final String DATASET = "Dataset";
  /** A train or eval split, as canonical CSV. */
  public static final String DATASET_SPLIT = "DatasetSplit";
  public static final String STATISTICS = "Statistics";
  public static final String SCHEMA = "Schema";
  public static final String ANOMALIES = "Anomalies";
  public static final String TRANSFORM_GRAPH = "TransformGraph";
  /** A model bundle: transform + model + schema + signature + provenance. */
  public static final String MODEL = "Model";
  public static final String EVALUATION = "Evaluation";
  public static final String MODEL_REGISTRATION = "ModelRegistration";
  /** The validation outcome of a candidate model: blessed or not, with the reasons. */
  public static final String MODEL_BLESSING = "ModelBlessing";
}
