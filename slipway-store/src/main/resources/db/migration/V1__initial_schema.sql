-- Slipway metadata schema, version 1.
--
-- Portable SQL: the same file runs unchanged on SQLite (3.35+) and PostgreSQL (13+), so no
-- vendor-specific auto-increment. Conventions:
--   * ids are BIGINT, allocated from id_sequences inside the inserting transaction;
--   * timestamps are BIGINT microseconds since 1970-01-01T00:00Z;
--   * string maps (properties, parameters, tags) are canonical JSON objects (sorted keys) in TEXT;
--   * enum values are their upper-case Java names, guarded by CHECK constraints;
--   * every top-level row (artifact, pipeline run, experiment, registered model) belongs to a
--     project; project 1 'default' is the only one until multi-project support lands.

CREATE TABLE projects (
  id         BIGINT NOT NULL PRIMARY KEY,
  name       TEXT   NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
INSERT INTO projects (id, name, created_at) VALUES (1, 'default', 0);

CREATE TABLE id_sequences (
  name    TEXT   NOT NULL PRIMARY KEY,
  last_id BIGINT NOT NULL
);
INSERT INTO id_sequences (name, last_id) VALUES ('projects', 1);
INSERT INTO id_sequences (name, last_id) VALUES ('artifacts', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('pipeline_runs', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('executions', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('experiments', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('experiment_runs', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('run_metrics', 0);
INSERT INTO id_sequences (name, last_id) VALUES ('registered_models', 0);

CREATE TABLE artifacts (
  id         BIGINT NOT NULL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects (id),
  type       TEXT   NOT NULL,
  uri        TEXT   NOT NULL,
  digest     TEXT   NOT NULL,
  size       BIGINT NOT NULL,
  properties TEXT   NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT artifacts_type_digest UNIQUE (project_id, type, digest)
);
CREATE INDEX artifacts_digest ON artifacts (digest);

CREATE TABLE pipeline_runs (
  id              BIGINT NOT NULL PRIMARY KEY,
  project_id      BIGINT NOT NULL REFERENCES projects (id),
  pipeline        TEXT   NOT NULL,
  pipeline_digest TEXT   NOT NULL,
  state           TEXT   NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at      BIGINT NOT NULL,
  finished_at     BIGINT
);
CREATE INDEX pipeline_runs_pipeline ON pipeline_runs (project_id, pipeline, started_at);

CREATE TABLE executions (
  id              BIGINT NOT NULL PRIMARY KEY,
  pipeline_run_id BIGINT NOT NULL REFERENCES pipeline_runs (id),
  step            TEXT   NOT NULL,
  component       TEXT   NOT NULL,
  parameters      TEXT   NOT NULL,
  state           TEXT   NOT NULL CHECK (state IN ('RUNNING', 'COMPLETE', 'CACHED', 'FAILED')),
  cache_key       TEXT,
  started_at      BIGINT NOT NULL,
  finished_at     BIGINT
);
CREATE INDEX executions_run ON executions (pipeline_run_id, started_at);
CREATE INDEX executions_cache_key ON executions (cache_key, state);

-- seq keeps the caller's order of the events of one execution.
CREATE TABLE events (
  execution_id BIGINT  NOT NULL REFERENCES executions (id),
  seq          INTEGER NOT NULL,
  artifact_id  BIGINT  NOT NULL REFERENCES artifacts (id),
  type         TEXT    NOT NULL CHECK (type IN ('INPUT', 'OUTPUT')),
  name         TEXT    NOT NULL,
  PRIMARY KEY (execution_id, seq),
  CONSTRAINT events_once UNIQUE (execution_id, type, name, artifact_id)
);
CREATE INDEX events_artifact ON events (artifact_id, type);

CREATE TABLE experiments (
  id         BIGINT NOT NULL PRIMARY KEY,
  project_id BIGINT NOT NULL REFERENCES projects (id),
  name       TEXT   NOT NULL,
  created_at BIGINT NOT NULL,
  CONSTRAINT experiments_name UNIQUE (project_id, name)
);

CREATE TABLE experiment_runs (
  id              BIGINT NOT NULL PRIMARY KEY,
  experiment_id   BIGINT NOT NULL REFERENCES experiments (id),
  name            TEXT,
  pipeline_run_id BIGINT REFERENCES pipeline_runs (id),
  state           TEXT   NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
  started_at      BIGINT NOT NULL,
  finished_at     BIGINT
);
CREATE INDEX experiment_runs_experiment ON experiment_runs (experiment_id, started_at);

CREATE TABLE run_params (
  run_id BIGINT NOT NULL REFERENCES experiment_runs (id),
  name   TEXT   NOT NULL,
  value  TEXT   NOT NULL,
  PRIMARY KEY (run_id, name)
);

-- value NULL stands for NaN: SQLite cannot store NaN (it reads back as NULL).
CREATE TABLE run_metrics (
  id        BIGINT NOT NULL PRIMARY KEY,
  run_id    BIGINT NOT NULL REFERENCES experiment_runs (id),
  name      TEXT   NOT NULL,
  value     DOUBLE PRECISION,
  step      BIGINT NOT NULL,
  logged_at BIGINT NOT NULL
);
CREATE INDEX run_metrics_run ON run_metrics (run_id, name, step);

CREATE TABLE run_tags (
  run_id BIGINT NOT NULL REFERENCES experiment_runs (id),
  name   TEXT   NOT NULL,
  value  TEXT   NOT NULL,
  PRIMARY KEY (run_id, name)
);

-- last_version is the highest version ever allocated; incrementing it locks the model's row, so
-- concurrent registrations get distinct numbers on PostgreSQL as well as on SQLite.
CREATE TABLE registered_models (
  id           BIGINT  NOT NULL PRIMARY KEY,
  project_id   BIGINT  NOT NULL REFERENCES projects (id),
  name         TEXT    NOT NULL,
  last_version INTEGER NOT NULL,
  created_at   BIGINT  NOT NULL,
  CONSTRAINT registered_models_name UNIQUE (project_id, name)
);

CREATE TABLE model_versions (
  model_id          BIGINT  NOT NULL REFERENCES registered_models (id),
  version           INTEGER NOT NULL,
  artifact_id       BIGINT  NOT NULL REFERENCES artifacts (id),
  pipeline_run_id   BIGINT  REFERENCES pipeline_runs (id),
  experiment_run_id BIGINT  REFERENCES experiment_runs (id),
  tags              TEXT    NOT NULL,
  created_at        BIGINT  NOT NULL,
  PRIMARY KEY (model_id, version)
);

CREATE TABLE model_aliases (
  model_id BIGINT  NOT NULL,
  alias    TEXT    NOT NULL,
  version  INTEGER NOT NULL,
  PRIMARY KEY (model_id, alias),
  FOREIGN KEY (model_id, version) REFERENCES model_versions (model_id, version)
);
