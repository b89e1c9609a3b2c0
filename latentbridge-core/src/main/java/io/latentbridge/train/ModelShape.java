package io.latentbridge.train;

/**
 * The data shape a method's networks are built for.
 *
 * @param channels image channels
 * @param size image side
 * @param classes number of classes
 */
public record ModelShape(int channels, int size, int classes) {}
