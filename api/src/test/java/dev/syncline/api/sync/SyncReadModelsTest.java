package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.sagas.schedule.ScheduledSyncStarter;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The read models a real sync built: replaying one rebuilds exactly the same rows (compared by a checksum of
 * every row and column), and disconnecting the account removes every row it had in every read model while
 * its audit trail stays.
 */
class SyncReadModelsTest extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String REPLAY = "/api/v1/admin/replay/";

    @Autowired
    EmulatorServer emulator;

    @Autowired
    ScheduledSyncStarter starter;

    @Autowired
    DataSource dataSource;

    @Autowired
    JwtService jwtService;

    @ParameterizedTest
    @ValueSource(strings = {"synced-messages", "calendar-events", "sync-status"})
    void replayingAReadModelRebuildsExactlyTheSameRows(String processingGroup) {
        String accountId = syncedGoogleAccount().accountId;
        String table = switch (processingGroup) {
            case "synced-messages" -> "synced_messages";
            case "calendar-events" -> "calendar_events";
            default -> "sync_status";
        };
        String before = checksum(table, accountId);

        ApiClient admin = admin();
        ApiClient.Response accepted = admin.post(REPLAY + processingGroup, null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(admin.get(accepted.header("Location")).json().path("state").asText()).isEqualTo("DONE"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(checksum(table, accountId)).isEqualTo(before));
    }

    @Test
    void disconnectRemovesEveryRowOfTheAccountFromEveryReadModel() {
        SyncedMailbox mailbox = syncedGoogleAccount();
        assertThat(rowsOf(mailbox.accountId)).allSatisfy(count -> assertThat(count).isPositive());

        ApiClient.Response disconnected = mailbox.user.delete("/api/v1/accounts/" + mailbox.accountId);

        assertThat(disconnected.status()).as(disconnected.toString()).isEqualTo(204);
        await().atMost(WAIT).untilAsserted(() -> assertThat(rowsOf(mailbox.accountId)).containsOnly(0L));
        JsonNode audit = mailbox.user.get("/api/v1/accounts/" + mailbox.accountId + "/audit").json();
        assertThat(audit.findValuesAsText("type")).contains("SYNC_COMPLETED", "ACCOUNT_DISCONNECTED");
    }

    /** A Google account whose mail and calendar synced completely. */
    private SyncedMailbox syncedGoogleAccount() {
        SyncedMailbox mailbox = new SyncedMailbox(SyncedChannel.GMAIL, emulator, Users.registerAndLogIn(api(), "read-models"))
                .seeded(300, 3, 60)
                .connected();
        mailbox.syncScheduled(starter);
        SyncedMailbox calendar = mailbox.as(SyncedChannel.GOOGLE_CALENDAR);
        calendar.awaitExactMatch();
        await().atMost(WAIT).untilAsserted(() -> assertThat(mailbox.user.get("/api/v1/accounts/" + mailbox.accountId
                + "/sync-status").json().findValuesAsText("stage")).containsOnly("IDLE"));
        return mailbox;
    }

    private List<Long> rowsOf(String accountId) {
        return List.of("synced_messages", "calendar_events", "sync_status", "sync_run").stream()
                .map(table -> jdbc().sql("SELECT count(*) FROM " + table + " WHERE account_id = :account")
                        .param("account", accountId).query(Long.class).single())
                .toList();
    }

    /**
     * One hash over every row and column the account has in the table, in the order of their text form. Other
     * tests' accounts share the database; their rows are theirs to check.
     */
    private String checksum(String table, String accountId) {
        return jdbc().sql("SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM " + table
                        + " t WHERE account_id = :account")
                .param("account", accountId)
                .query(String.class).single();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private ApiClient admin() {
        return Admins.admin(api(), jwtService, "replay-admin");
    }
}
