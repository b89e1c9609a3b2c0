/**
 * Domains LatentBridge builds itself, deterministically, by a recipe: {@code syndigits}
 * (font-rendered colour digits) and {@code mnistm} (MNIST blended with photograph crops). Each is
 * generated once into the data cache with a manifest (recipe version, seed, inputs, SHA-256s)
 * and reused.
 */
package io.latentbridge.data.generated;
