package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import org.junit.jupiter.api.Test;

class NativeMemoryTest {

    @Test
    void tunesTheAllocatorUnlessTurnedOff() {
        String before = System.getProperty("latentbridge.malloc");
        try {
            System.setProperty("latentbridge.malloc", "default");
            assertThat(NativeMemory.tune()).isEqualTo("default (latentbridge.malloc=default)");
            System.clearProperty("latentbridge.malloc");
            // the project's machines are glibc Linux; mallopt accepts both settings there
            assertThat(NativeMemory.tune())
                    .isEqualTo(Platform.isLinux() ? "glibc tuned" : "default (not glibc)");
        } finally {
            if (before == null) {
                System.clearProperty("latentbridge.malloc");
            } else {
                System.setProperty("latentbridge.malloc", before);
            }
        }
    }
}
