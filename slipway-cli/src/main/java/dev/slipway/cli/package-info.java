/**
 * The {@code slipway} command (picocli): one subcommand class per verb, human-readable output,
 * exit codes 0 (success), 1 (the work failed: a step, a validation, a bad input) and 2 (usage).
 */
package dev.slipway.cli;
