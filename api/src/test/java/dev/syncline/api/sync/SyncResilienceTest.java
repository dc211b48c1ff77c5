package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.gmail.GmailCounters;
import dev.syncline.emulator.gmail.GmailEmulator;
import dev.syncline.emulator.gmail.GmailThrottling;
import dev.syncline.emulator.graph.GraphMailControl;
import dev.syncline.emulator.graph.GraphMailboxCounters;
import dev.syncline.emulator.graph.ThrottleSettings;
import dev.syncline.sagas.schedule.ScheduledSyncStarter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The sync under the provider's limits and failures, end to end through the REST API and the real SDKs
 * against the emulator: throttling (Gmail's per-user quota, Outlook's four concurrent requests and request
 * budget per mailbox, Retry-After honoured), an access token that expires mid-sync, a grant revoked
 * mid-sync, and a sync that keeps failing. Each ends with exactly what the provider holds.
 */
class SyncResilienceTest extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int FEW = 20;
    /** The retry attempts of the test context ({@code syncline.sync.retry.attempts}, the default). */
    private static final int ATTEMPTS = 6;

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    EmulatorServer emulator;

    @Autowired
    ScheduledSyncStarter starter;

    @Autowired
    JdbcClient jdbc;

    /** Throttling is the emulator's, shared by every test: back to the providers' defaults, switched off. */
    @AfterEach
    void restoreProviderLimits() {
        gmail().updateThrottling(current -> GmailThrottling.defaults());
        graph().setThrottling(false);
        graph().setRequestBudget(ThrottleSettings.OUTLOOK_REQUEST_BUDGET, ThrottleSettings.OUTLOOK_BUDGET_WINDOW);
    }

    @Test
    void gmailHonoursRetryAfterAndStaysWithinTheUsersQuota() {
        SyncedMailbox mailbox = mailbox(SyncedChannel.GMAIL, "gmail-quota").seeded(600, 3, FEW).connected();
        gmail().updateThrottling(current -> current.withEnabled(true)
                .withUnitsPerSecond(GmailThrottling.GMAIL_UNITS_PER_SECOND).withRetryAfter(Duration.ofSeconds(8)));
        // The user's other mail client overruns the quota and is answered 429: the mailbox is throttled for 8 s.
        long othersThrottled = exhaustGmailQuotaAsAnotherClient(mailbox.email);
        assertThat(othersThrottled).isPositive();
        assertThat(gmail().counters(mailbox.email).throttledResponses()).isEqualTo(othersThrottled);

        // The sync's first call meets that Retry-After, unknowing; from its own 429 on, it must not call again until
        // the wait is over, nor overrun the quota afterwards.
        await().atMost(WAIT).pollInterval(Duration.ofMillis(10)).until(() -> {
            starter.startDueSyncs();
            return gmail().counters(mailbox.email).throttledResponses() > othersThrottled;
        });
        gmail().resetCounters(mailbox.email);

        JsonNode throttled = awaitStatus(mailbox, status -> status.path("stage").asText().equals("THROTTLED"));
        Instant resumesAt = Instant.parse(throttled.path("throttledUntil").asText());
        assertThat(resumesAt).isAfter(Instant.now());
        assertThat(throttled.path("nextRunAt").asText()).isEqualTo(throttled.path("throttledUntil").asText());
        assertThat(mailbox.run(throttled.path("syncId").asText()).path("state").asText()).isEqualTo("THROTTLED");

        mailbox.awaitExactMatch();
        GmailCounters counters = gmail().counters(mailbox.email);
        assertThat(counters.requestsDuringRetryAfter()).as("calls while the Retry-After ran").isZero();
        assertThat(counters.throttledResponses()).as("429s after the sync's first one").isZero();
        assertThat(counters.peakUnitsPerSecond()).isPositive().isLessThanOrEqualTo(GmailThrottling.GMAIL_UNITS_PER_SECOND);
        assertThat(counters.unitsUsed()).isPositive();
    }

    @Test
    void outlookMailAndCalendarOfOneMailboxStayWithinItsLimitsAndMatchExactly() {
        SyncedMailbox mail = mailbox(SyncedChannel.OUTLOOK_MAIL, "outlook-limits").seeded(600, 4, 150).connected();
        SyncedMailbox calendar = mail.channel(SyncedChannel.OUTLOOK_CALENDAR);
        // A budget small enough that both syncs together run into it several times, large enough for any one page.
        graph().setRequestBudget(40, Duration.ofSeconds(2));
        graph().setThrottling(true);
        graph().resetCounters(mail.email);

        mail.syncScheduled(starter);
        calendar.awaitExactMatch();

        GraphMailboxCounters counters = graph().counters(mail.email);
        assertThat(counters.throttled()).as("429s for the request budget").isPositive();
        assertThat(counters.concurrencyThrottled()).as("429s for concurrency").isZero();
        assertThat(counters.maxConcurrentRequests()).isBetween(1, ThrottleSettings.OUTLOOK_CONCURRENT_REQUESTS);
        assertThat(counters.requestsDuringRetryAfter()).as("requests while a Retry-After ran").isZero();
    }

    @Test
    void aThrottledMailboxShowsWhenItResumesAndDoesNotHoldUpAnotherMailbox() {
        SyncedMailbox throttled = mailbox(SyncedChannel.OUTLOOK_MAIL, "throttled").seeded(300, 2, FEW).connected();
        SyncedMailbox throttledCalendar = throttled.channel(SyncedChannel.OUTLOOK_CALENDAR);
        // Three requests per half minute: the mailbox's syncs use them up at once and are told to wait ~30 s.
        graph().setRequestBudget(3, Duration.ofSeconds(30));
        graph().setThrottling(true);
        graph().resetCounters(throttled.email);

        JsonNode waiting = await().atMost(WAIT).pollInterval(POLL).ignoreExceptions().until(() -> {
            starter.startDueSyncs();
            return throttled.status();
        }, status -> status.path("stage").asText().equals("THROTTLED"));
        Instant resumesAt = Instant.parse(waiting.path("throttledUntil").asText());
        assertThat(resumesAt).isAfter(Instant.now().plusSeconds(10));
        assertThat(waiting.path("nextRunAt").asText()).isEqualTo(waiting.path("throttledUntil").asText());
        assertThat(waiting.path("actionRequired").asBoolean()).isFalse();
        assertThat(throttled.run(waiting.path("syncId").asText()).path("state").asText()).isEqualTo("THROTTLED");

        SyncedMailbox other = mailbox(SyncedChannel.GMAIL, "unthrottled").seeded(150, 2, FEW).connected();
        other.syncScheduled(starter);
        assertThat(Instant.now()).as("the other mailbox is done while the first still waits").isBefore(resumesAt);
        assertThat(throttled.status().path("stage").asText()).isEqualTo("THROTTLED");

        graph().setThrottling(false);
        throttled.awaitExactMatch();
        throttledCalendar.awaitExactMatch();
        assertThat(graph().counters(throttled.email).requestsDuringRetryAfter()).isZero();
    }

    @ParameterizedTest
    @EnumSource(value = SyncedChannel.class, names = {"GMAIL", "OUTLOOK_MAIL"})
    void anAccessTokenThatExpiresMidSyncIsRefreshedOnceAndTheSyncCompletes(SyncedChannel synced) {
        SyncedMailbox mailbox = slowMailbox(synced, "token-expiry");
        long refreshesBefore = emulator.control().tokenCalls(synced.provider, "refresh_token");

        String syncId = mailbox.syncStarted(starter);
        awaitStatus(mailbox, status -> status.path("pages").asInt() >= 1);
        assertThat(emulator.control().expireAccessTokens(synced.provider, mailbox.email)).isPositive();
        assertThat(mailbox.run(syncId).path("state").asText()).as("still mid-sync").isEqualTo("RUNNING");

        mailbox.awaitExactMatch();
        await().atMost(WAIT).pollInterval(POLL)
                .until(() -> mailbox.run(syncId).path("state").asText(), "COMPLETED"::equals);
        assertThat(emulator.control().tokenCalls(synced.provider, "refresh_token") - refreshesBefore).isEqualTo(1);
        await().atMost(WAIT).pollInterval(POLL).untilAsserted(() -> assertThat(auditTypes(mailbox))
                .filteredOn("ACCESS_TOKEN_REFRESHED"::equals).hasSize(1));
        assertThat(mailbox.account().path("status").asText()).isEqualTo("ACTIVE");
    }

    @ParameterizedTest
    @EnumSource(value = SyncedChannel.class, names = {"GMAIL", "OUTLOOK_MAIL"})
    void aGrantRevokedMidSyncPausesTheSyncAndReconnectingResumesIt(SyncedChannel synced) {
        SyncedMailbox mailbox = slowMailbox(synced, "revoked");
        String syncId = mailbox.syncStarted(starter);
        awaitStatus(mailbox, status -> status.path("pages").asInt() >= 1);

        assertThat(emulator.control().revokeGrants(synced.provider, mailbox.email)).isPositive();
        await().atMost(WAIT).pollInterval(POLL)
                .until(() -> mailbox.account().path("status").asText(), "REAUTHORIZATION_REQUIRED"::equals);
        JsonNode paused = awaitStatus(mailbox, status -> status.path("stage").asText().equals("PAUSED"));
        assertThat(paused.path("actionRequired").asBoolean()).isTrue();
        assertThat(paused.path("syncId").asText()).isEqualTo(syncId);
        assertThat(paused.path("lastError").asText()).isNotBlank();
        await().atMost(WAIT).pollInterval(POLL).until(() -> mailbox.run(syncId).path("state").asText(), "PAUSED"::equals);
        assertThat(mailbox.syncline()).as("some, not all").isNotEmpty().hasSizeLessThan(mailbox.provider().size());

        assertThat(ConnectFlow.connect(mailbox.user, synced.providerId(), mailbox.email)).isEqualTo(mailbox.accountId);
        await().atMost(WAIT).pollInterval(POLL).until(() -> {
            starter.startDueSyncs();
            return mailbox.run(syncId).path("state").asText();
        }, "RUNNING"::equals);
        assertThat(mailbox.status().path("syncId").asText()).isEqualTo(syncId);
        assertThat(mailbox.status().path("actionRequired").asBoolean()).isFalse();

        mailbox.latency(Duration.ZERO);
        mailbox.awaitExactMatch();
        await().atMost(WAIT).pollInterval(POLL)
                .until(() -> mailbox.run(syncId).path("state").asText(), "COMPLETED"::equals);
        assertThat(mailbox.status().path("stage").asText()).isEqualTo("IDLE");
        assertThat(mailbox.account().path("status").asText()).isEqualTo("ACTIVE");
    }

    @ParameterizedTest
    @EnumSource(value = SyncedChannel.class, names = {"GMAIL", "OUTLOOK_MAIL"})
    void aSyncThatKeepsFailingEndsFailedInWordsAndTheNextScheduledRunTriesAgain(SyncedChannel synced) {
        SyncedMailbox mailbox = mailbox(synced, "failing").seeded(200, 2, FEW).connected();
        mailbox.injectServerErrors(ATTEMPTS * 10);

        String syncId = mailbox.syncStarted(starter);
        JsonNode run = await().atMost(WAIT).pollInterval(POLL)
                .until(() -> mailbox.run(syncId), view -> view.path("state").asText().equals("FAILED"));
        assertThat(run.path("lastError").asText()).startsWith("The sync gave up after " + ATTEMPTS + " attempts: ")
                .contains("503");
        JsonNode failed = awaitStatus(mailbox, status -> status.path("stage").asText().equals("FAILED"));
        assertThat(failed.path("lastError").asText()).isEqualTo(run.path("lastError").asText());
        assertThat(failed.path("actionRequired").asBoolean()).isFalse();
        assertThat(Instant.parse(failed.path("nextRunAt").asText()))
                .isAfter(Instant.parse(failed.path("finishedAt").asText()));

        mailbox.clearServerErrors();
        nextScheduledRunIsDue(mailbox, Instant.parse(failed.path("nextRunAt").asText()));
        String nextSyncId = await().atMost(WAIT).pollInterval(POLL).until(() -> {
            starter.startDueSyncs();
            return mailbox.status().path("syncId").asText();
        }, id -> !id.equals(syncId));
        mailbox.awaitExactMatch();
        await().atMost(WAIT).pollInterval(POLL)
                .until(() -> mailbox.run(nextSyncId).path("state").asText(), "COMPLETED"::equals);
        JsonNode idle = awaitStatus(mailbox, status -> status.path("stage").asText().equals("IDLE"));
        assertThat(idle.hasNonNull("lastError")).isFalse();
    }

    private SyncedMailbox mailbox(SyncedChannel synced, String label) {
        return new SyncedMailbox(synced, emulator, Users.registerAndLogIn(api(), label));
    }

    /**
     * A connected mailbox whose initial mail sync takes many seconds after its first page: Gmail is paced by its
     * quota (a page of 500 messages is ten batches, one per second), Outlook by latency on every call.
     */
    private SyncedMailbox slowMailbox(SyncedChannel synced, String label) {
        SyncedMailbox mailbox = mailbox(synced, label);
        return synced.provider == EmulatedProvider.GOOGLE
                ? mailbox.seeded(900, 3, FEW).connected()
                : mailbox.seeded(700, 3, FEW).latency(Duration.ofMillis(200)).connected();
    }

    private JsonNode awaitStatus(SyncedMailbox mailbox, Predicate<JsonNode> condition) {
        return await().atMost(WAIT).pollInterval(POLL).ignoreExceptions().until(mailbox::status, condition);
    }

    /**
     * As if the sync interval had passed since the channel's last run: once the schedule has planned that run
     * (its projection learns of the run's end on its own), the run is moved to now.
     */
    private void nextScheduledRunIsDue(SyncedMailbox mailbox, Instant plannedAt) {
        await().atMost(WAIT).pollInterval(POLL).until(() -> jdbc.sql("""
                        SELECT next_run_at FROM sync_schedule WHERE account_id = :account AND channel = :channel""")
                .param("account", mailbox.accountId)
                .param("channel", mailbox.synced.channel.name())
                .query(Timestamp.class)
                .single()
                .toInstant(), nextRun -> !nextRun.isBefore(plannedAt.truncatedTo(ChronoUnit.MILLIS)));
        int due = jdbc.sql("UPDATE sync_schedule SET next_run_at = now() WHERE account_id = :account AND channel = :channel")
                .param("account", mailbox.accountId)
                .param("channel", mailbox.synced.channel.name())
                .update();
        assertThat(due).isEqualTo(1);
    }

    private List<String> auditTypes(SyncedMailbox mailbox) {
        ApiClient.Response audit = mailbox.user.get("/api/v1/accounts/" + mailbox.accountId + "/audit");
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        return StreamSupport.stream(audit.json().spliterator(), false).map(entry -> entry.path("type").asText()).toList();
    }

    /**
     * Lists messages as another client of the same Gmail user would, with twice the quota's worth of calls at
     * once, so that Gmail answers some of them 429; answers how many.
     */
    private long exhaustGmailQuotaAsAnotherClient(String email) {
        String token = emulator.control().issueAccessToken(EmulatedProvider.GOOGLE, email, Duration.ofMinutes(10));
        HttpRequest list = HttpRequest.newBuilder(URI.create(emulator.url("/gmail/v1/users/me/messages?maxResults=1")))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        List<CompletableFuture<HttpResponse<Void>>> calls = IntStream.range(0, 2 * GmailThrottling.GMAIL_UNITS_PER_SECOND / 5)
                .mapToObj(i -> http.sendAsync(list, HttpResponse.BodyHandlers.discarding()))
                .toList();
        List<Integer> statuses = calls.stream().map(call -> call.join().statusCode()).toList();
        assertThat(statuses).containsOnly(200, 429);
        return statuses.stream().filter(status -> status == 429).count();
    }

    private GmailEmulator gmail() {
        return (GmailEmulator) emulator.control().mail(EmulatedProvider.GOOGLE);
    }

    private GraphMailControl graph() {
        return (GraphMailControl) emulator.control().mail(EmulatedProvider.MICROSOFT);
    }
}
