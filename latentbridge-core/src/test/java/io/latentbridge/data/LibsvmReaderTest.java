package io.latentbridge.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.latentbridge.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibsvmReaderTest {

    @TempDir
    Path tmp;

    @Test
    void mapsMinusOneToOneOntoUnitRangeAndLabelsToDigits() throws IOException {
        Path f = Files.writeString(tmp.resolve("toy"), "3 1:-1 2:1 4:0\n1 3:0.5\n");
        LibsvmReader.Result r = LibsvmReader.read(f, 2, 10);
        assertThat(r.labels()).containsExactly(2, 0);
        assertThat(r.images().pixels()).containsExactly(0f, 1f, 0f, 0.5f, 0f, 0f, 0.75f, 0f);
    }

    @Test
    void readsRealUspsInUnitRange() {
        LibsvmReader.Result r = LibsvmReader.read(TestData.root().resolve("usps/usps.t.bz2"), 16, 10);
        assertThat(r.images().count()).isEqualTo(2007);
        float[] range = r.images().range();
        assertThat(range[0]).isEqualTo(0f);
        assertThat(range[1]).isEqualTo(1f);
        assertThat(r.labels()).contains(0, 9).doesNotContain(10, -1);
    }

    @Test
    void badLabelNamesFileAndLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad"), "1 1:0\nx 1:0\n");
        assertThatThrownBy(() -> LibsvmReader.read(f, 2, 10))
                .isInstanceOf(DataException.class)
                .hasMessage(f + ": line 2: bad label 'x'");
        Path g = Files.writeString(tmp.resolve("bad2"), "11 1:0\n");
        assertThatThrownBy(() -> LibsvmReader.read(g, 2, 10)).hasMessage(g + ": line 1: label 11 outside 1..10");
    }

    @Test
    void badIndexNamesFileAndLine() throws IOException {
        Path f = Files.writeString(tmp.resolve("bad"), "1 5:0\n");
        assertThatThrownBy(() -> LibsvmReader.read(f, 2, 10)).hasMessage(f + ": line 1: index 5 outside 1..4");
        Path g = Files.writeString(tmp.resolve("bad2"), "1 a:0\n");
        assertThatThrownBy(() -> LibsvmReader.read(g, 2, 10)).hasMessageContaining("line 1: bad entry 'a:0'");
    }

    @Test
    void truncatedBzip2FailsCleanly() throws IOException {
        byte[] all = Files.readAllBytes(TestData.root().resolve("usps/usps.t.bz2"));
        Path cut = Files.write(tmp.resolve("usps.t.bz2"), java.util.Arrays.copyOf(all, all.length / 3));
        assertThatThrownBy(() -> LibsvmReader.read(cut, 16, 10))
                .isInstanceOf(DataException.class)
                .hasMessageStartingWith(cut.toString());
    }
}
