package io.latentbridge.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;

class NetworksTest {

    @Test
    void encoderAndDecoderShapes() {
        try (NDManager m = NDManager.newBaseManager()) {
            Block enc = Networks.convEncoder(128);
            enc.initialize(m, DataType.FLOAT32, new Shape(1, 1, 28, 28));
            Block dec = Networks.upsampleDecoder(28, 3);
            dec.initialize(m, DataType.FLOAT32, new Shape(1, 16));
            ParameterStore ps = new ParameterStore(m, false);
            NDArray h = enc.forward(ps, new NDList(m.zeros(new Shape(5, 1, 28, 28))), false).head();
            assertThat(h.getShape()).isEqualTo(new Shape(5, 128));
            NDArray x = dec.forward(ps, new NDList(m.zeros(new Shape(5, 16))), false).head();
            assertThat(x.getShape()).isEqualTo(new Shape(5, 3, 28, 28));
        }
    }

    @Test
    void nearestUpsampleRepeatsPixels() {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
            assertThat(Networks.nearestUpsample2x(x).toFloatArray()).containsExactly(
                    1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4);
        }
    }
}
