package dev.syncline.providers.gmail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void secondsAreTheWait() {
        assertThat(RetryAfter.parse("120", NOW)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void anHttpDateIsTheMomentToWaitFor() {
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:15:00 GMT", NOW)).isEqualTo(Duration.ofMinutes(15));
        assertThat(RetryAfter.parse("Sun, 01 Mar 2026 08:00:00 GMT", NOW)).isEqualTo(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableValueNamesNoWait() {
        assertThat(RetryAfter.parse(null, NOW)).isNull();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
    }
}
