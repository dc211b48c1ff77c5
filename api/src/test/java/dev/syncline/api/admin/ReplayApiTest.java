package dev.syncline.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Replaying a read model through the admin API rebuilds it as it was. */
class ReplayApiTest extends ApiIntegrationTest {

    private static final String PROBLEMS = "https://syncline.dev/problems/";
    private static final String REPLAY = "/api/v1/admin/replay/";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Autowired
    JwtService jwtService;

    @Autowired
    EventGateway events;

    @Autowired
    DataSource dataSource;

    @Test
    void onlyAdministratorsMayReplay() {
        ApiClient user = Users.registerAndLogIn(api(), "plain");

        for (ApiClient.Response answer : List.of(user.post(REPLAY + "sync-status", null), user.get(REPLAY + "sync-status"))) {
            assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "forbidden");
        }
    }

    @Test
    void anUnknownOrNonReplayableGroupIsNotFound() {
        ApiClient admin = admin();

        for (String group : List.of("no-such-group", "SyncSaga", "sync%20status")) {
            ApiClient.Response answer = admin.post(REPLAY + group, null);
            assertThat(answer.status()).as(answer.toString()).isEqualTo(404);
            assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
            assertThat(answer.json().path("replayableGroups").toString()).contains("sync-status", "token-audit");
        }
        assertThat(admin.get(REPLAY + "no-such-group").status()).isEqualTo(404);
    }

    @Test
    void replayingTheSyncStatusRebuildsTheSameRows() {
        ApiClient admin = admin();
        String account = syncedAccount();
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.get(REPLAY + "sync-status").json().path("segments"))
                .isNotEmpty()
                .allSatisfy(segment -> assertThat(segment.path("caughtUp").asBoolean()).isTrue()));
        String before = checksum();

        ApiClient.Response accepted = admin.post(REPLAY + "sync-status", null);
        ApiClient.Response again = admin.post(REPLAY + "sync-status", null);

        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        assertThat(accepted.header("Location")).isEqualTo(REPLAY + "sync-status");
        assertThat(accepted.json().path("processingGroup").asText()).isEqualTo("sync-status");
        assertThat(accepted.json().path("state").asText()).isIn("PREPARING", "REPLAYING");
        assertThat(again.status()).as("a replay is already running: " + again).isEqualTo(409);
        assertThat(again.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-state");

        await().atMost(WAIT).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(admin.get(accepted.header("Location")).json().path("state").asText()).isEqualTo("DONE"));
        JsonNode done = admin.get(accepted.header("Location")).json();
        assertThat(done.path("percent").asInt()).isEqualTo(100);
        assertThat(done.path("headPosition").asLong()).isPositive();
        assertThat(done.path("segments")).isNotEmpty();
        assertThat(done.path("segments")).allSatisfy(segment -> {
            assertThat(segment.path("replaying").asBoolean()).isFalse();
            assertThat(segment.path("percent").asInt()).isEqualTo(100);
        });
        assertThat(Instant.parse(done.path("finishedAt").asText())).isAfterOrEqualTo(Instant.parse(done.path("resetAt").asText()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(checksum()).isEqualTo(before));
        assertThat(rows(account)).isEqualTo(2);
    }

    /** An account whose mail synced once and whose grant was then refused, so that its rows hold every kind of value. */
    private String syncedAccount() {
        String account = UUID.randomUUID().toString();
        String workspace = UUID.randomUUID().toString();
        String owner = UUID.randomUUID().toString();
        String mail = SyncChannel.MAIL.streamIdFor(account);
        String syncId = "sync-" + UUID.randomUUID();
        events.publish(new AccountConnectedEvent(account, workspace, owner, Provider.MICROSOFT, "ms-" + account,
                "replay@example.com", Set.of("openid")));
        events.publish(new SyncStartedEvent(mail, account, workspace, owner, Provider.MICROSOFT, SyncChannel.MAIL, syncId,
                SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null));
        events.publish(new MessagesFetchedEvent(mail, account, workspace, owner, syncId, 1, 25, 1, 25, 50L, "p2", new byte[] {1}));
        events.publish(new SyncThrottledEvent(mail, account, SyncChannel.MAIL, syncId, Instant.now().plusSeconds(30), "429"));
        events.publish(new MessagesFetchedEvent(mail, account, workspace, owner, syncId, 2, 25, 0, 50, 50L, null, new byte[] {2}));
        events.publish(new SyncCompletedEvent(mail, account, SyncChannel.MAIL, syncId, SyncKind.FULL, 2, 50, "cursor"));
        events.publish(new ReauthorizationRequiredEvent(account, "invalid_grant"));
        await().atMost(WAIT).until(() -> jdbc().sql(
                        "SELECT count(*) FROM sync_status WHERE account_id = :account AND action_required")
                .param("account", account).query(Long.class).single() == 2);
        return account;
    }

    private long rows(String account) {
        return jdbc().sql("SELECT count(*) FROM sync_status WHERE account_id = :account")
                .param("account", account).query(Long.class).single();
    }

    /** One hash over every row and column of the sync status read model, in key order. */
    private String checksum() {
        return jdbc().sql("""
                        SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY account_id, channel) FROM sync_status s), '')
                                || coalesce((SELECT string_agg(r::text, '|' ORDER BY sync_id) FROM sync_run r), ''))
                        """)
                .query(String.class).single();
    }

    private JdbcClient jdbc() {
        return JdbcClient.create(dataSource);
    }

    private ApiClient admin() {
        return Admins.admin(api(), jwtService, "admin");
    }
}
