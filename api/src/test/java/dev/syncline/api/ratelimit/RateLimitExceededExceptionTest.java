package dev.syncline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.problem.ProblemType;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimitExceededExceptionTest {

    @Test
    void retryAfterIsRoundedUpToWholeSeconds() {
        assertThat(new RateLimitExceededException("Slow down.", Duration.ofMillis(40_001)).retryAfterSeconds()).isEqualTo(41);
        assertThat(new RateLimitExceededException("Slow down.", Duration.ofSeconds(40)).retryAfterSeconds()).isEqualTo(40);
        assertThat(new RateLimitExceededException("Slow down.", Duration.ofNanos(1)).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertThat(new RateLimitExceededException("Slow down.", Duration.ZERO).retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void problemIsOfTheRateLimitedTypeAndSaysWhenToComeBack() {
        RateLimitExceededException limited = new RateLimitExceededException("Too many requests.", Duration.ofSeconds(42));

        assertThat(limited.type()).isEqualTo(ProblemType.RATE_LIMITED);
        assertThat(limited.type().status().value()).isEqualTo(429);
        assertThat(limited.type().uri()).hasToString("https://syncline.dev/problems/rate-limited");
        assertThat(limited.detail()).isEqualTo("Too many requests. Try again in 42 seconds.");
    }
}
