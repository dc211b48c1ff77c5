package dev.syncline.providers.oauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(2));

    @RepeatedTest(20)
    void delaysGrowExponentiallyWithJitterWithinTheirStep() {
        assertThat(backoff.delayAfter(1, null)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(backoff.delayAfter(2, null)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(backoff.delayAfter(3, null)).isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
    }

    @RepeatedTest(20)
    void delaysNeverExceedTheMaximum() {
        assertThat(backoff.delayAfter(30, null)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void aProviderRetryAfterWinsButIsCapped() {
        assertThat(backoff.delayAfter(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(1, Duration.ofMinutes(15))).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void atLeastOneAttemptIsRequired() {
        assertThatThrownBy(() -> new Backoff(0, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
