package io.latentbridge.eval;

/**
 * Everything {@code eval --run} measures beyond accuracy, written to {@code analysis.json}.
 *
 * @param items items per domain used for the distances (the first of each test split)
 * @param aDistance the proxy A-distance d_A between source and target features
 * @param featureMmd multi-kernel MMD² between source and target features
 * @param latentKl KL between diagonal Gaussians fitted to source and target features; for a
 *     model with latent modulation (CDLM), to the plain latent means μ
 * @param latentKlModulated the same between the transfer means μ_st and μ_ts (CDLM only)
 * @param targetAccuracy target test accuracy, per class and confusion
 * @param sourceAccuracy source test accuracy
 * @param targetCalibration ECE and reliability bins on the target test split
 * @param embedding t-SNE of source and target features
 */
public record Analysis(int items, double aDistance, double featureMmd, double latentKl,
        Double latentKlModulated, AccuracyReport targetAccuracy, AccuracyReport sourceAccuracy,
        Calibration.Report targetCalibration, Embedding embedding) {}
