package io.latentbridge.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ScheduleTest {

    @Test
    void dannLambdaValues() {
        Schedule s = Schedule.dannLambda(10, 1);
        assertThat(s.value(0)).isEqualTo(0.0);
        assertThat(s.value(0.1)).isCloseTo(2 / (1 + Math.exp(-1)) - 1, within(1e-12)); // 0.4621
        assertThat(s.value(0.5)).isCloseTo(0.9866142981514303, within(1e-12));
        assertThat(s.value(1)).isCloseTo(0.9999092042625951, within(1e-12));
        assertThat(Schedule.dannLambda(10, 0.5).value(1)).isCloseTo(0.49995460213, within(1e-10));
    }

    @Test
    void dannAnnealingValues() {
        Schedule s = Schedule.dannAnnealing(10, 0.75);
        assertThat(s.value(0)).isEqualTo(1.0);
        assertThat(s.value(1)).isCloseTo(Math.pow(11, -0.75), within(1e-12)); // 0.1656
        assertThat(s.value(0.5)).isCloseTo(Math.pow(6, -0.75), within(1e-12));
    }
}
