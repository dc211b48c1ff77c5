package dev.syncline.api.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.command.token.ScheduledRefresher;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The refresh schedule is built from token events and refreshes ahead of expiry without anyone asking;
 * an account that needs re-authorization leaves the schedule. (The tests call the refresher directly; its
 * timer is slowed down in tests so that it cannot interfere with other tests' token counts.)
 */
class ScheduledRefreshTest extends ApiIntegrationTest {

    @Autowired
    EmulatorServer emulator;

    @Autowired
    ScheduledRefresher refresher;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTokenNearItsExpiryIsRefreshedByTheScheduleAndTheNextLookMovesAhead() {
        ApiClient user = Users.registerAndLogIn(api(), "schedule");
        String email = "schedule-" + UUID.randomUUID().toString().substring(0, 8) + "@outlook.example";
        emulator.control().addUser(EmulatedProvider.MICROSOFT, email, "Schedule");
        emulator.control().setAccessTokenLifetime(EmulatedProvider.MICROSOFT, Duration.ofMinutes(2));
        String accountId;
        try {
            accountId = ConnectFlow.connect(user, "microsoft", email);
        } finally {
            emulator.control().setAccessTokenLifetime(EmulatedProvider.MICROSOFT, Duration.ofHours(1));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> nextRefreshAt(accountId) != null);
        assertThat(nextRefreshAt(accountId)).isBefore(Instant.now());

        refresher.refreshDueAccounts();

        JsonNode refreshed = await().atMost(Duration.ofSeconds(20)).until(() -> auditEntry(user, accountId, "ACCESS_TOKEN_REFRESHED"),
                entry -> entry != null);
        assertThat(refreshed.path("cause").asText()).isEqualTo("schedule");
        assertThat(refreshed.path("actor").asText()).isEqualTo("system");
        assertThat(refreshed.path("details").path("trigger").asText()).isEqualTo("SCHEDULE");
        await().atMost(Duration.ofSeconds(20)).until(() -> nextRefreshAt(accountId).isAfter(Instant.now().plus(Duration.ofMinutes(50))));
    }

    @Test
    void anAccountThatNeedsReauthorizationLeavesTheSchedule() {
        ApiClient user = Users.registerAndLogIn(api(), "schedule-reauth");
        String email = "schedule-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Schedule");
        String accountId = ConnectFlow.connect(user, "google", email);
        await().atMost(Duration.ofSeconds(20)).until(() -> nextRefreshAt(accountId) != null);

        emulator.control().revokeGrants(EmulatedProvider.GOOGLE, email);
        AccountLifecycleEndToEndTest.awaitAccount(user, accountId, view -> true);
        user.post("/api/v1/accounts/" + accountId + "/token/refresh", null);

        await().atMost(Duration.ofSeconds(20)).until(() -> nextRefreshAt(accountId) == null);
    }

    private Instant nextRefreshAt(String accountId) {
        return jdbc.sql("SELECT next_refresh_at FROM token_refresh_schedule WHERE account_id = :id")
                .param("id", accountId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant)
                .orElse(null);
    }

    private static JsonNode auditEntry(ApiClient user, String accountId, String type) {
        JsonNode audit = user.get("/api/v1/accounts/" + accountId + "/audit").json();
        return StreamSupport.stream(audit.spliterator(), false)
                .filter(entry -> entry.path("type").asText().equals(type))
                .findFirst()
                .orElse(null);
    }
}
