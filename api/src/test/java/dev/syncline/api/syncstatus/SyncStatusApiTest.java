package dev.syncline.api.syncstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
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
import java.util.stream.StreamSupport;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The sync status API over HTTP, driven by the events the sync engine would publish: published here through
 * Axon's event gateway, so that they reach the projections the way the engine's do, through the event store.
 */
class SyncStatusApiTest extends ApiIntegrationTest {

    private static final String PROBLEMS = "https://syncline.dev/problems/";
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Autowired
    EventGateway events;

    @Autowired
    QueryUpdateEmitter updateEmitter;

    @Test
    void theCallerSeesTheSyncStatusOfTheirAccountsAndNobodyElses() {
        Owner alice = owner("alice");
        Owner bob = owner("bob");
        String account = connect(alice);
        String bobsAccount = connect(bob);
        publish(started(alice, account, SyncChannel.MAIL, "sync-" + UUID.randomUUID()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(channel(alice, account, "MAIL").path("stage").asText())
                .isEqualTo("FULL_SYNC"));

        ApiClient.Response mine = alice.client().get("/api/v1/sync-status");
        assertThat(mine.status()).isEqualTo(200);
        assertThat(accountIds(mine.json())).containsOnly(account);
        assertThat(mine.json()).hasSize(2);

        ApiClient.Response one = alice.client().get("/api/v1/accounts/" + account + "/sync-status");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json()).hasSize(2);
        assertThat(one.json().get(0).path("channel").asText()).isEqualTo("MAIL");
        assertThat(one.json().get(0).path("provider").asText()).isEqualTo("GOOGLE");
        assertThat(one.json().get(0).path("kind").asText()).isEqualTo("FULL");
        assertThat(one.json().get(0).path("actionRequired").asBoolean()).isFalse();
        assertThat(one.json().get(1).path("channel").asText()).isEqualTo("CALENDAR");
        assertThat(one.json().get(1).path("stage").asText()).isEqualTo("PENDING");

        assertNotFound(bob.client().get("/api/v1/accounts/" + account + "/sync-status"));
        assertThat(accountIds(bob.client().get("/api/v1/sync-status").json())).containsOnly(bobsAccount);
        assertNotFound(alice.client().get("/api/v1/accounts/" + UUID.randomUUID() + "/sync-status"));
        assertNotFound(alice.client().get("/api/v1/accounts/not%20an%20id/sync-status"));
    }

    @Test
    void aSyncRunIsAnsweredToTheAccountsOwnerOnly() {
        Owner alice = owner("alice");
        Owner bob = owner("bob");
        String account = connect(alice);
        String syncId = "sync-" + UUID.randomUUID();
        String mail = SyncChannel.MAIL.streamIdFor(account);
        publish(started(alice, account, SyncChannel.MAIL, syncId));
        publish(new MessagesFetchedEvent(mail, account, alice.workspaceId(), alice.userId(), syncId, 1, 40, 2, 40, 100L,
                "next", new byte[] {7}));
        publish(new SyncCompletedEvent(mail, account, SyncChannel.MAIL, syncId, SyncKind.FULL, 1, 40, "cursor"));
        String path = "/api/v1/accounts/" + account + "/syncs/" + syncId;

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(alice.client().get(path).json().path("state").asText()).isEqualTo("COMPLETED"));

        JsonNode run = alice.client().get(path).json();
        assertThat(run.path("syncId").asText()).isEqualTo(syncId);
        assertThat(run.path("accountId").asText()).isEqualTo(account);
        assertThat(run.path("channel").asText()).isEqualTo("MAIL");
        assertThat(run.path("kind").asText()).isEqualTo("FULL");
        assertThat(run.path("trigger").asText()).isEqualTo("ACCOUNT_CONNECTED");
        assertThat(run.path("pages").asInt()).isEqualTo(1);
        assertThat(run.path("upserted").asLong()).isEqualTo(40);
        assertThat(run.path("removed").asLong()).isEqualTo(2);
        assertThat(run.path("itemsDone").asLong()).isEqualTo(40);
        assertThat(run.path("estimatedTotal").asLong()).isEqualTo(100);
        assertThat(Instant.parse(run.path("startedAt").asText())).isBeforeOrEqualTo(Instant.parse(run.path("finishedAt").asText()));

        assertNotFound(bob.client().get(path));
        assertNotFound(alice.client().get("/api/v1/accounts/" + account + "/syncs/sync-" + UUID.randomUUID()));
        assertNotFound(alice.client().get("/api/v1/accounts/" + connect(alice) + "/syncs/" + syncId));
        assertNotFound(alice.client().get("/api/v1/accounts/" + account + "/syncs/" + "x".repeat(200)));
    }

    @Test
    void theStreamSendsTheStatusThenEveryChangeAndLetsGoWhenTheClientLeaves() throws InterruptedException {
        Owner alice = owner("alice");
        String account = connect(alice);
        String syncId = "sync-" + UUID.randomUUID();

        try (EventStream stream = EventStream.open(streamUrl(account), alice.token())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            EventStream.Event mail = stream.next(WAIT);
            EventStream.Event calendar = stream.next(WAIT);
            assertThat(mail.name()).isEqualTo("sync-status");
            assertThat(mail.data().path("channel").asText()).isEqualTo("MAIL");
            assertThat(mail.data().path("stage").asText()).isEqualTo("PENDING");
            assertThat(calendar.data().path("channel").asText()).isEqualTo("CALENDAR");

            publish(started(alice, account, SyncChannel.MAIL, syncId));

            EventStream.Event update = stream.next(WAIT);
            assertThat(update.name()).isEqualTo("sync-status");
            assertThat(update.data().path("accountId").asText()).isEqualTo(account);
            assertThat(update.data().path("channel").asText()).isEqualTo("MAIL");
            assertThat(update.data().path("stage").asText()).isEqualTo("FULL_SYNC");
            assertThat(update.data().path("syncId").asText()).isEqualTo(syncId);
            assertThat(subscriptions(account)).isEqualTo(1);
        }

        // Only a write finds out that the client has gone; each change is one.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            publish(new SyncThrottledEvent(SyncChannel.MAIL.streamIdFor(account), account, SyncChannel.MAIL, syncId,
                    Instant.now().plusSeconds(60), "rate limit"));
            return subscriptions(account) == 0;
        });
    }

    @Test
    void theStreamEndsWhenTheAccountIsDisconnected() throws InterruptedException {
        Owner alice = owner("alice");
        String account = connect(alice);

        try (EventStream stream = EventStream.open(streamUrl(account), alice.token())) {
            stream.next(WAIT);
            stream.next(WAIT);

            publish(new AccountDisconnectedEvent(account, alice.workspaceId()));

            assertThat(stream.endsWithin(WAIT)).isTrue();
        }
        await().atMost(WAIT).until(() -> subscriptions(account) == 0);
        assertNotFound(alice.client().get("/api/v1/accounts/" + account + "/sync-status"));
    }

    @Test
    void theStreamOfAnotherUsersAccountIsANotFoundProblemNotABrokenStream() {
        Owner alice = owner("alice");
        Owner bob = owner("bob");
        String account = connect(alice);

        try (EventStream stream = EventStream.open(streamUrl(account), bob.token())) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.contentType()).startsWith("application/problem+json");
            assertThat(stream.problem().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
        }
        assertThat(subscriptions(account)).isZero();
    }

    @Test
    void theStreamNeedsAnAccessToken() {
        ApiClient.Response anonymous = api().get("/api/v1/accounts/" + UUID.randomUUID() + "/sync-status/stream");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
    }

    private record Owner(ApiClient client, String userId, String workspaceId) {

        String token() {
            return client.bearer();
        }
    }

    private Owner owner(String label) {
        ApiClient client = Users.registerAndLogIn(api(), label);
        JsonNode me = client.get("/api/v1/auth/me").json();
        return new Owner(client, me.path("id").asText(), me.path("workspaceId").asText());
    }

    /** Publishes the owner's new account's connection, as the account aggregate would, and waits for its status. */
    private String connect(Owner owner) {
        String account = UUID.randomUUID().toString();
        publish(new AccountConnectedEvent(account, owner.workspaceId(), owner.userId(), Provider.GOOGLE,
                "google-" + account, owner.userId() + "@example.com", Set.of("openid")));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(owner.client().get("/api/v1/accounts/" + account + "/sync-status").json()).hasSize(2));
        return account;
    }

    private void publish(Object payload) {
        events.publish(GenericEventMessage.asEventMessage(payload)
                .andMetaData(MetaData.with("actor", "system").and("cause", "sync-status-api-test")));
    }

    private static SyncStartedEvent started(Owner owner, String account, SyncChannel channel, String syncId) {
        return new SyncStartedEvent(channel.streamIdFor(account), account, owner.workspaceId(), owner.userId(), Provider.GOOGLE,
                channel, syncId, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null);
    }

    private static JsonNode channel(Owner owner, String account, String channel) {
        JsonNode channels = owner.client().get("/api/v1/accounts/" + account + "/sync-status").json();
        return StreamSupport.stream(channels.spliterator(), false)
                .filter(status -> status.path("channel").asText().equals(channel))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> accountIds(JsonNode statuses) {
        return StreamSupport.stream(statuses.spliterator(), false).map(status -> status.path("accountId").asText()).toList();
    }

    private long subscriptions(String account) {
        return updateEmitter.activeSubscriptions().stream()
                .filter(subscription -> subscription.getPayload() instanceof FindAccountSyncStatusQuery query
                        && query.accountId().equals(account))
                .count();
    }

    private String streamUrl(String account) {
        return api().baseUrl() + "/api/v1/accounts/" + account + "/sync-status/stream";
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
    }
}
