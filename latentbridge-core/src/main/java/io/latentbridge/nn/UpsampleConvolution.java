package io.latentbridge.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/**
 * Nearest-neighbour ×2 upsampling followed by a 3×3 convolution (stride 1, padding 1), computed
 * without the upsampled map.
 *
 * <p>Why: the decoders spend most of their arithmetic in that 3×3 convolution over an input of
 * which three pixels in four are copies. Each output pixel {@code (2i+a, 2j+b)} sees only a 2×2
 * neighbourhood of the small map: along one axis, phase 0 reads row {@code i-1} with kernel row 0
 * and row {@code i} with rows 1 + 2; phase 1 reads row {@code i} with rows 0 + 1 and row
 * {@code i+1} with row 2. So one 2×2 convolution of the small map (padding 1) with the four
 * phases' summed kernels stacked as output channels, sliced per phase and interleaved, gives the
 * same numbers (up to float rounding) at 16 instead of 36 multiply-adds per small-map pixel, and
 * never writes the ×4 upsampled copy. The kernels are summed from the ordinary 3×3 weight on
 * every call, so gradients reach that weight and the parameters (and model files) are those of
 * the plain two-step form, {@link #reference}.
 */
public final class UpsampleConvolution {

    private static final Shape ONE = new Shape(1, 1);

    /**
     * Column {@code (a', b', p, q)} sums the 3×3 taps {@code (u, v)} that phase (1−a', 1−b') reads
     * at its 2×2 position (p, q): along an axis, phase 0 reads tap 0 at p = 0 and taps 1 + 2 at
     * p = 1; phase 1 reads taps 0 + 1 at p = 0 and tap 2 at p = 1.
     */
    private static final float[] PHASE_TAPS = phaseTaps();

    private UpsampleConvolution() {}

    /**
     * @param x {@code N×Cin×H×W}
     * @param weight {@code Cout×Cin×3×3}
     * @param bias {@code Cout}
     * @return {@code N×Cout×2H×2W}: conv3×3(pad 1) of the nearest ×2 upsampling of x
     */
    public static NDArray apply(NDArray x, NDArray weight, NDArray bias) {
        Shape s = x.getShape();
        long n = s.get(0);
        long h = s.get(2);
        long w = s.get(3);
        Shape ws = weight.getShape();
        long out = ws.get(0);
        long in = ws.get(1);
        // the four phases' 2×2 kernels as one product with a constant 0/1 matrix (no slicing,
        // whose backward would zero-fill a full-size gradient per slice); phase order is
        // (a, b) = (1, 1), (1, 0), (0, 1), (0, 0), which the interleaving below relies on.
        // Results of operations on the weight belong to the weight's long-lived manager: each is
        // moved to the input's (the step's) so that none outlives the call.
        NDManager scope = x.getManager();
        NDArray select = scope.create(PHASE_TAPS, new Shape(9, 16));
        NDArray kernels = scoped(weight.reshape(out * in, 9), scope).matMul(select)
                .reshape(out, in, 2, 2, 2, 2).transpose(2, 3, 0, 1, 4, 5)
                .reshape(4 * out, in, 2, 2);
        NDArray biases = scoped(bias.tile(4), scope);
        // (N, 4·Cout, H+1, W+1): window k of a row covers small-map rows k-1 and k
        NDArray y = Conv2d.conv2d(x, kernels, biases, ONE, ONE, ONE, 1).singletonOrThrow();
        // Output row 2i+a is phase a's window i+a. Interleaving phase 1 (even rows) with phase 0
        // (odd rows) gives a (2H+2)-row map Z with Z[2k] = Y1[k] and Z[2k+1] = Y0[k], so output
        // row r is Z[r+1] for both phases: one contiguous slice per axis.
        NDArray z = y.reshape(n, 2, 2, out, h + 1, w + 1).transpose(0, 3, 4, 1, 5, 2)
                .reshape(n, out, 2 * h + 2, 2 * w + 2);
        return z.get(new NDIndex(":, :, 1:{}, 1:{}", 2 * h + 1, 2 * w + 1));
    }

    private static NDArray scoped(NDArray a, NDManager scope) {
        a.attach(scope);
        return a;
    }

    private static float[] phaseTaps() {
        int[][][] taps = {{{0}, {1, 2}}, {{0, 1}, {2}}}; // [phase][position] → taps on an axis
        float[] m = new float[9 * 16];
        for (int ar = 0; ar < 2; ar++) {
            for (int br = 0; br < 2; br++) {
                for (int p = 0; p < 2; p++) {
                    for (int q = 0; q < 2; q++) {
                        int column = ((ar * 2 + br) * 2 + p) * 2 + q;
                        for (int u : taps[1 - ar][p]) {
                            for (int v : taps[1 - br][q]) {
                                m[(u * 3 + v) * 16 + column] = 1f;
                            }
                        }
                    }
                }
            }
        }
        return m;
    }

    /**
     * The plain two-step form: repeat each pixel along H and W, then convolve. Kept as the
     * definition the fused form is tested against.
     *
     * @param x {@code N×Cin×H×W}
     * @param weight {@code Cout×Cin×3×3}
     * @param bias {@code Cout}
     * @return {@code N×Cout×2H×2W}
     */
    public static NDArray reference(NDArray x, NDArray weight, NDArray bias) {
        return Conv2d.conv2d(Networks.nearestUpsample2x(x), weight, bias, ONE, ONE, ONE, 1)
                .singletonOrThrow();
    }
}
