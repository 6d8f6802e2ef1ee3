/**
 * Where Slipway keeps what it did and what it made.
 *
 * <ul>
 *   <li>{@link dev.slipway.store.ArtifactStore} holds artifact bytes, content-addressed by SHA-256
 *       and immutable; {@link dev.slipway.store.LocalArtifactStore} keeps them in a directory with
 *       atomic temp-file-then-link writes, so a killed writer never leaves a partial blob.
 *   <li>{@link dev.slipway.store.MetadataStore} records artifacts, pipeline runs, step executions
 *       and the input/output events between them (lineage and the step cache), experiment
 *       tracking (params, metrics, tags) and the model registry (versions, aliases). {@link
 *       dev.slipway.store.JdbcMetadataStore} implements it on JDBC with Flyway migrations written
 *       in SQL that runs on both SQLite (the embedded default, WAL mode) and PostgreSQL.
 *   <li>{@link dev.slipway.store.Stores} opens both under one Slipway home directory.
 * </ul>
 *
 * <p>Both stores are separate from the domain so that the embedded defaults (SQLite, local disk)
 * can be swapped for production ones (PostgreSQL, S3) by configuration alone.
 */
package dev.slipway.store;
