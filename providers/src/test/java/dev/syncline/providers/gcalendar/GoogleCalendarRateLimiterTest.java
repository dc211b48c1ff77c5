package dev.syncline.providers.gcalendar;

import dev.syncline.providers.sync.ProviderThrottledException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GoogleCalendarRateLimiterTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final GoogleCalendarRateLimiter limiter = new GoogleCalendarRateLimiter(600, Duration.ofSeconds(5), clock);

    @Test
    void aBurstOfATenthOfTheMinuteBudgetGoesAtOnce() {
        assertThat(IntStream.range(0, 60).mapToObj(i -> limiter.reserve("ada"))).containsOnly(Duration.ZERO);
    }

    @Test
    void afterTheBurstCallsAreSpacedAtTheSteadyRate() {
        IntStream.range(0, 60).forEach(i -> limiter.reserve("ada"));

        Duration first = limiter.reserve("ada");
        Duration second = limiter.reserve("ada");

        assertThat(first).isEqualTo(Duration.ofMillis(100));
        assertThat(second).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void noMinuteEverHoldsMoreThanTheBudgetAndItsBurst() {
        int admitted = 0;
        for (int tick = 0; tick < 600; tick++) {
            while (limiter.reserve("ada").isZero()) {
                admitted++;
            }
            clock.advance(Duration.ofMillis(100));
        }

        assertThat(admitted).isLessThanOrEqualTo(600 + 60);
    }

    @Test
    void aWaitLongerThanTheLimitIsAThrottledFailureInsteadOfASleep() {
        IntStream.range(0, 60 + 50).forEach(i -> limiter.reserve("ada"));

        assertThatThrownBy(() -> limiter.reserve("ada")).isInstanceOf(ProviderThrottledException.class);
    }

    @Test
    void aPausedMailboxMakesNoCallUntilTheWaitHasPassed() {
        limiter.pause("ada", Duration.ofSeconds(20));

        clock.advance(Duration.ofSeconds(19));
        assertThatThrownBy(() -> limiter.reserve("ada")).isInstanceOfSatisfying(ProviderThrottledException.class,
                throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(1)));
        clock.advance(Duration.ofSeconds(1));
        assertThat(limiter.reserve("ada")).isZero();
    }

    @Test
    void oneMailboxsPauseAndSpentBudgetLeaveAnotherAlone() {
        limiter.pause("ada", Duration.ofMinutes(5));
        IntStream.range(0, 60).forEach(i -> limiter.reserve("grace"));

        assertThat(limiter.reserve("bob")).isZero();
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
