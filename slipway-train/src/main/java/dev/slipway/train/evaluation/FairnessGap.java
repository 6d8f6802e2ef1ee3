package dev.slipway.train.evaluation;

/**
 * How far apart the groups of one slicing spec are on one Fairness-Indicators rate.
 *
 * @param min the lowest rate among the groups
 * @param max the highest rate among the groups
 * @param gap {@code max - min}
 * @param overall the rate on all rows
 * @param maxVsOverall the largest absolute difference between a group's rate and the overall rate
 */
public record FairnessGap(
    double min, double max, double gap, double overall,
    @com.fasterxml.jackson.annotation.JsonProperty("max_vs_overall") double maxVsOverall) {}
