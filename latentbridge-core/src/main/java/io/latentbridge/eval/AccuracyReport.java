package io.latentbridge.eval;

import java.util.Map;

/**
 * Accuracy of a classifier on a labelled evaluation set.
 *
 * @param accuracy fraction correct, in [0, 1]
 * @param perClass fraction correct per class name
 * @param confusion {@code confusion[true][predicted]} counts
 */
public record AccuracyReport(double accuracy, Map<String, Double> perClass, int[][] confusion) {}
