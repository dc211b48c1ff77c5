package dev.syncline.providers.graph;

import dev.syncline.providers.sync.ProviderThrottledException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphMailboxLimiterTest {

    private final MovableClock clock = new MovableClock();
    private final GraphMailboxLimiter limiter = new GraphMailboxLimiter(4, Duration.ofMillis(50), clock);

    @Test
    void aMailboxGetsAtMostFourPermitsAndAnotherMailboxIsNotDelayed() {
        List<GraphMailboxLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(limiter.acquire("ada", 1));
        }

        assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOfSatisfying(ProviderThrottledException.class,
                busy -> assertThat(busy.retryAfter()).isEqualTo(GraphMailboxLimiter.BUSY_RETRY_AFTER));
        limiter.acquire("grace", 1).close();
        held.get(0).close();
        limiter.acquire("ada", 1).close();
    }

    @Test
    void aBatchReservesOnePermitPerStepUpToTheLimit() {
        GraphMailboxLimiter.Permit batch = limiter.acquire("ada", 20);

        assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOf(ProviderThrottledException.class);
        batch.close();
        GraphMailboxLimiter.Permit small = limiter.acquire("ada", 2);
        limiter.acquire("ada", 2).close();
        small.close();
    }

    @Test
    void afterAThrottleNoCallGoesOutUntilRetryAfterHasPassed() {
        limiter.coolDown("ada", Duration.ofSeconds(10));
        clock.advance(Duration.ofSeconds(4));

        assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOfSatisfying(ProviderThrottledException.class,
                waiting -> assertThat(waiting.retryAfter()).isEqualTo(Duration.ofSeconds(6)));
        limiter.acquire("grace", 1).close();
        clock.advance(Duration.ofSeconds(6));
        limiter.acquire("ada", 1).close();
        assertThat(limiter.coolDownRemaining("ada")).isEmpty();
    }

    @Test
    void aShorterLaterThrottleDoesNotShortenTheWait() {
        limiter.coolDown("ada", Duration.ofSeconds(30));
        limiter.coolDown("ada", Duration.ofSeconds(2));

        assertThat(limiter.coolDownRemaining("ada")).contains(Duration.ofSeconds(30));
    }

    @Test
    void closingAPermitTwiceReturnsItOnce() {
        GraphMailboxLimiter.Permit permit = limiter.acquire("ada", 1);
        permit.close();
        permit.close();
        List<GraphMailboxLimiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            held.add(limiter.acquire("ada", 1));
        }

        assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOf(ProviderThrottledException.class);
        held.forEach(GraphMailboxLimiter.Permit::close);
    }

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {

        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-02T09:00:00Z"));

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
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
            return now.get();
        }
    }
}
