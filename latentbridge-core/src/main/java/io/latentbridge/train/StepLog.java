package io.latentbridge.train;

import java.util.Map;

/**
 * Metrics of one logging interval: every loss term and diagnostic averaged over its steps.
 *
 * @param step the last step of the interval
 * @param totalSteps steps planned
 * @param values loss terms and diagnostics, averaged
 * @param lr the learning rate in force
 * @param imagesPerSecond training images (both domains) per second over the interval
 * @param elapsedSeconds seconds since training started
 */
public record StepLog(int step, int totalSteps, Map<String, Double> values, double lr,
        double imagesPerSecond, double elapsedSeconds) {}
