package dev.syncline.command.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.RefreshTrigger;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RefreshPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final RefreshPolicy policy = new RefreshPolicy(new TokenSettings(Duration.ofMinutes(5), Duration.ofHours(24),
            null, null, null, null));

    @Test
    void aTokenWithinTheBufferOfItsExpiryIsDue() {
        assertThat(policy.isDue(RefreshTrigger.EXPIRING, NOW.plusSeconds(299), NOW.minusSeconds(60), NOW)).isTrue();
        assertThat(policy.isDue(RefreshTrigger.EXPIRING, NOW.plusSeconds(300), NOW.minusSeconds(60), NOW)).isTrue();
    }

    @Test
    void aTokenValidBeyondTheBufferIsNotDue() {
        assertThat(policy.isDue(RefreshTrigger.EXPIRING, NOW.plusSeconds(301), NOW.minusSeconds(60), NOW)).isFalse();
        assertThat(policy.isDue(RefreshTrigger.SCHEDULE, NOW.plusSeconds(3000), NOW.minusSeconds(60), NOW)).isFalse();
    }

    @Test
    void theScheduleRefreshesAGrantIdleForTheKeepAliveInterval() {
        assertThat(policy.isDue(RefreshTrigger.SCHEDULE, NOW.plusSeconds(3000), NOW.minus(Duration.ofHours(24)), NOW)).isTrue();
        assertThat(policy.isDue(RefreshTrigger.EXPIRING, NOW.plusSeconds(3000), NOW.minus(Duration.ofHours(24)), NOW)).isFalse();
    }

    @Test
    void aUserRequestIsAlwaysDue() {
        assertThat(policy.isDue(RefreshTrigger.USER_REQUEST, NOW.plusSeconds(3000), NOW, NOW)).isTrue();
    }

    @Test
    void theNextLookIsBeforeExpiryOrAtTheKeepAliveWhicheverComesFirst() {
        assertThat(policy.nextRefreshAt(NOW.plus(Duration.ofHours(1)), NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(55)));
        assertThat(policy.nextRefreshAt(NOW.plus(Duration.ofDays(90)), NOW)).isEqualTo(NOW.plus(Duration.ofHours(24)));
    }
}
