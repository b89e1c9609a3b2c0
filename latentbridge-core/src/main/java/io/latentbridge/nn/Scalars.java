package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Arithmetic between an array and a Java number, safe to differentiate.
 *
 * <p>Why this exists: DJL's {@code NDArray.mul(Number)}, {@code div(Number)},
 * {@code maximum(Number)} (and {@code minimum}, {@code pow}) wrap the number in a tensor that
 * points into a direct Java buffer ({@code from_blob}) and close that tensor as soon as the
 * operation returns. Autograd keeps the operand for the backward pass (the gradient of
 * {@code x·c} is {@code c}), but the memory under it belongs to the Java buffer, which the garbage
 * collector may free before backward runs: the gradient is then scaled by whatever the freed
 * memory holds. In practice that was a rare run-to-run difference, a non-finite gradient now and
 * then, and, under a thread that collects continuously, a wrong gradient in nearly every step
 * ({@code MethodContractTest.trainingDoesNotDependOnGarbageCollection}). Here the number is made by
 * the engine ({@code torch.full}), so the tensor autograd keeps owns its memory.
 *
 * <p>{@code add(Number)} and {@code sub(Number)} are safe as DJL has them: their backward pass
 * does not read the number. Every multiplicative or comparing use of a number on an array that
 * may be differentiated goes through this class.
 */
public final class Scalars {

    private static final Shape SCALAR = new Shape();

    private Scalars() {}

    /**
     * @param x an array
     * @param c a number
     * @return {@code x · c}
     */
    public static NDArray mul(NDArray x, float c) {
        try (NDArray constant = constant(x, c)) {
            return x.mul(constant);
        }
    }

    /**
     * @param x an array
     * @param c a non-zero number
     * @return {@code x / c}
     */
    public static NDArray div(NDArray x, float c) {
        try (NDArray constant = constant(x, c)) {
            return x.div(constant);
        }
    }

    /**
     * @param x an array
     * @param c a number
     * @return the element-wise {@code max(x, c)}
     */
    public static NDArray maximum(NDArray x, float c) {
        try (NDArray constant = constant(x, c)) {
            return x.maximum(constant);
        }
    }

    // closing the constant only drops DJL's handle: the engine's reference counting keeps the
    // memory for as long as autograd holds the tensor
    private static NDArray constant(NDArray x, float c) {
        return x.getManager().full(SCALAR, c, x.getDataType());
    }
}
