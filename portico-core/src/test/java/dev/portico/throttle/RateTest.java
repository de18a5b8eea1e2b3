package dev.portico.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateTest {

    @Test
    void parsesDrfsPeriods() {
        assertThat(Rate.parse("100/min")).isEqualTo(new Rate(100, Duration.ofMinutes(1)));
        assertThat(Rate.parse("100/m")).isEqualTo(new Rate(100, Duration.ofMinutes(1)));
        assertThat(Rate.parse("3/s")).isEqualTo(new Rate(3, Duration.ofSeconds(1)));
        assertThat(Rate.parse("3/sec")).isEqualTo(new Rate(3, Duration.ofSeconds(1)));
        assertThat(Rate.parse("10/hour")).isEqualTo(new Rate(10, Duration.ofHours(1)));
        assertThat(Rate.parse("10/h")).isEqualTo(new Rate(10, Duration.ofHours(1)));
        assertThat(Rate.parse(" 1000 / day ")).isEqualTo(new Rate(1000, Duration.ofDays(1)));
        assertThat(Rate.parse("1000/d")).isEqualTo(new Rate(1000, Duration.ofDays(1)));
    }

    @Test
    void refusesWhatDrfWouldMisreadOrReject() {
        assertThatThrownBy(() -> Rate.parse("10/month"))
                .hasMessageContaining("unknown period")
                .hasMessageContaining("\"100/min\"");
        assertThatThrownBy(() -> Rate.parse("ten/min")).hasMessageContaining("does not start with a number");
        assertThatThrownBy(() -> Rate.parse("100")).hasMessageContaining("no '/'");
        assertThatThrownBy(() -> Rate.parse("0/min")).hasMessageContaining("at least 1");
    }

    @Test
    void windowsAreAlignedOnTheEpoch() {
        Rate rate = Rate.parse("5/min");
        assertThat(rate.window(59_999)).isZero();
        assertThat(rate.window(60_000)).isEqualTo(1);
        assertThat(rate.millisToWindowEnd(60_000)).isEqualTo(60_000);
        assertThat(rate.millisToWindowEnd(119_999)).isEqualTo(1);
        assertThat(Rate.seconds(1)).isEqualTo(1);
        assertThat(Rate.seconds(1000)).isEqualTo(1);
        assertThat(Rate.seconds(1001)).isEqualTo(2);
    }
}
