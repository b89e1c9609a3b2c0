package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.latentbridge.TestData;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Golden hashes of the first 100 preprocessed training images of each dataset. A change in
 * scaling, resizing or channel handling changes these hashes: update them only on purpose.
 */
class PreprocessingTest {

    static String hash(ImageSet set) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(set.pixels().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : set.pixels()) {
            b.putFloat(v);
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    static ImageSet first100(String dataset, Preprocessing pre) {
        DatasetSpec spec = new Catalog().find(dataset).orElseThrow();
        DataRoots roots = new DataRoots(TestData.root(), null, null, false);
        ImageSet raw = spec.read(spec.split("train"), f -> roots.find(dataset, f).orElseThrow())
                .images().head(100);
        return pre.apply(raw);
    }

    @Test
    void goldenMnist() throws Exception {
        ImageSet s = first100("mnist", Preprocessing.DEFAULT);
        assertThat(s.range()).containsExactly(0f, 1f);
        assertThat(hash(s)).isEqualTo(Golden.MNIST);
    }

    @Test
    void goldenFashionMnist() throws Exception {
        assertThat(hash(first100("fashion-mnist", Preprocessing.DEFAULT))).isEqualTo(Golden.FASHION);
    }

    @Test
    void goldenUspsResizedTo28() throws Exception {
        ImageSet s = first100("usps", Preprocessing.DEFAULT);
        assertThat(s.height()).isEqualTo(28);
        float[] r = s.range();
        assertThat(r[0]).isGreaterThanOrEqualTo(0f);
        assertThat(r[1]).isLessThanOrEqualTo(1f).isGreaterThan(0.9f);
        assertThat(hash(s)).isEqualTo(Golden.USPS);
    }

    @Test
    void goldenUspsRgb32() throws Exception {
        ImageSet s = first100("usps", new Preprocessing(32, 3));
        assertThat(s.channels()).isEqualTo(3);
        assertThat(hash(s)).isEqualTo(Golden.USPS_RGB32);
    }

    @Test
    void bilinearResizeKeepsConstantsAndMatchesHalfPixelRule() {
        ImageSet flat = new ImageSet(1, 1, 2, 2, new float[] {0.5f, 0.5f, 0.5f, 0.5f});
        assertThat(Preprocessing.resize(flat, 5).pixels()).containsOnly(0.5f);
        // 2 -> 4, align_corners=False: output x=1 samples input 0.25 -> 0.75*a + 0.25*b
        ImageSet ramp = new ImageSet(1, 1, 1, 2, new float[] {0f, 1f});
        ImageSet wide = Preprocessing.resize(new ImageSet(1, 1, 2, 2, new float[] {0f, 1f, 0f, 1f}), 4);
        assertThat(wide.pixels()[0]).isEqualTo(0f);
        assertThat(wide.pixels()[1]).isCloseTo(0.25f, within(1e-6f));
        assertThat(wide.pixels()[2]).isCloseTo(0.75f, within(1e-6f));
        assertThat(wide.pixels()[3]).isEqualTo(1f);
        assertThat(ramp.count()).isEqualTo(1);
    }

    @Test
    void greyAndRgbConvert() {
        ImageSet grey = new ImageSet(1, 1, 1, 2, new float[] {0.2f, 0.8f});
        ImageSet rgb = Preprocessing.convertChannels(grey, 3);
        assertThat(rgb.pixels()).containsExactly(0.2f, 0.8f, 0.2f, 0.8f, 0.2f, 0.8f);
        assertThat(Preprocessing.convertChannels(rgb, 1).pixels()[1]).isCloseTo(0.8f, within(1e-6f));
    }
}
