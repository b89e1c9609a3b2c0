package io.latentbridge.loss;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The sliced Wasserstein distance between two equally sized sets of points, as the latent
 * translation paper's code computes it: project both sets on random unit directions, sort each
 * projected coordinate over the set, and take the mean absolute difference of the sorted values
 * (the 1-D Wasserstein-1 distance of each projection, averaged).
 *
 * <p>The directions are {@code matrices} random {@code d×d} matrices with unit-norm columns,
 * drawn afresh on every call from the engine's seeded generator (so a step is reproducible).
 * Sorting is differentiable in the values, so the gradient moves each point towards the point
 * of the same rank in the other set.
 */
public final class SlicedWasserstein {

    private final int matrices;

    /** @param matrices how many random {@code d×d} projection matrices per call */
    public SlicedWasserstein(int matrices) {
        if (matrices <= 0) {
            throw new IllegalArgumentException("projection matrices must be positive, got "
                    + matrices);
        }
        this.matrices = matrices;
    }

    /**
     * @param a {@code N×d}
     * @param b {@code N×d}, the same shape
     * @param manager owner of the random directions (a step's manager)
     * @return the scalar distance, with gradients to both sets
     */
    public NDArray distance(NDArray a, NDArray b, NDManager manager) {
        long d = a.getShape().get(1);
        NDArray directions = manager.randomNormal(new Shape(d, matrices * d));
        return distance(a, b, directions);
    }

    /**
     * The distance along given directions.
     *
     * @param a {@code N×d}
     * @param b {@code N×d}, the same shape
     * @param directions {@code d×K}; each column is normalised to unit length here
     * @return the mean over the K directions and the N ranks of |sorted(a·u) − sorted(b·u)|
     */
    public static NDArray distance(NDArray a, NDArray b, NDArray directions) {
        if (!a.getShape().equals(b.getShape())) {
            throw new IllegalArgumentException("sliced Wasserstein needs sets of one shape, got "
                    + a.getShape() + " and " + b.getShape());
        }
        NDArray unit = directions.div(directions.square().sum(new int[] {0}, true).sqrt());
        NDArray pa = a.matMul(unit).sort(0);
        NDArray pb = b.matMul(unit).sort(0);
        return pa.sub(pb).abs().mean();
    }
}
