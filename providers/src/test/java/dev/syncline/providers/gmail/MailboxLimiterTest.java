package dev.syncline.providers.gmail;

import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MailboxLimiterTest {

    private static final Duration WINDOW = Duration.ofMillis(200);

    @Test
    void noWindowEverHoldsMoreUnitsThanTheBudget() {
        MailboxLimiter limiter = new MailboxLimiter(20, WINDOW, 1, Duration.ofSeconds(5));
        List<long[]> calls = new ArrayList<>();

        for (int i = 0; i < 12; i++) {
            long start;
            try (MailboxLimiter.Permit permit = limiter.acquire("ada", 5)) {
                start = System.nanoTime();
            }
            calls.add(new long[]{start, System.nanoTime()});
        }

        // A call started in a window counts with every call that ended in the window before its start.
        for (int i = 0; i < calls.size(); i++) {
            long start = calls.get(i)[0];
            long units = 5 + calls.subList(0, i).stream().filter(c -> start - c[1] < WINDOW.toNanos()).count() * 5;
            assertThat(units).as("units within one window before call %d", i).isLessThanOrEqualTo(20);
        }
    }

    @Test
    void aRunningCallCountsAgainstTheBudgetUntilItEnds() {
        MailboxLimiter limiter = new MailboxLimiter(10, WINDOW, 5, Duration.ofMillis(300));

        try (MailboxLimiter.Permit running = limiter.acquire("ada", 10)) {
            assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOf(TransientProviderException.class);
        }
    }

    @Test
    void oneMailboxNeverWaitsForAnother() {
        MailboxLimiter limiter = new MailboxLimiter(10, Duration.ofSeconds(60), 1, Duration.ofSeconds(60));
        MailboxLimiter.Permit adaHoldsHerWholeBudget = limiter.acquire("ada", 10);
        limiter.throttled("ada", Duration.ofMinutes(15));

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            try (MailboxLimiter.Permit grace = limiter.acquire("grace", 10)) {
                assertThat(grace).isNotNull();
            }
        });
        adaHoldsHerWholeBudget.close();
    }

    @Test
    void afterA429NoCallStartsUntilTheRetryAfterHasPassed() {
        MailboxLimiter limiter = new MailboxLimiter(1_000, WINDOW, 1, Duration.ofSeconds(5));

        limiter.throttled("ada", Duration.ofMinutes(15));

        assertThatThrownBy(() -> limiter.acquire("ada", 1))
                .isInstanceOfSatisfying(ProviderThrottledException.class, e -> assertThat(e.retryAfter())
                        .isGreaterThan(Duration.ofMinutes(14)).isLessThanOrEqualTo(Duration.ofMinutes(15)));
    }

    @Test
    void aShorterRetryAfterDoesNotShortenALongerOne() {
        MailboxLimiter limiter = new MailboxLimiter(1_000, WINDOW, 1, Duration.ofSeconds(5));

        limiter.throttled("ada", Duration.ofMinutes(15));
        limiter.throttled("ada", Duration.ofSeconds(1));

        assertThatThrownBy(() -> limiter.acquire("ada", 1))
                .isInstanceOfSatisfying(ProviderThrottledException.class,
                        e -> assertThat(e.retryAfter()).isGreaterThan(Duration.ofMinutes(14)));
    }

    @Test
    void callsOfOneMailboxRunOneAtATimeByDefault() {
        MailboxLimiter limiter = new MailboxLimiter(1_000, WINDOW, 1, Duration.ofMillis(200));

        try (MailboxLimiter.Permit first = limiter.acquire("ada", 1)) {
            assertThatThrownBy(() -> limiter.acquire("ada", 1)).isInstanceOf(TransientProviderException.class);
        }
        try (MailboxLimiter.Permit next = limiter.acquire("ada", 1)) {
            assertThat(next).isNotNull();
        }
    }
}
