package dev.syncline.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AuditEntryView;
import dev.syncline.messages.account.FindAccountAuditQuery;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountAuditSyncStepsTest {

    private static final String ACCOUNT = "acc-google-alice";
    private static final String WORKSPACE = "ws-1";
    private static final String OWNER = "user-alice";
    private static final String ALICE = "user:3f1c2a9e-0000-4000-8000-000000000001";
    private static final String SYSTEM = "system";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);
    private static final String SYNC = "sync-1";
    private static final String RESYNC = "sync-2";
    private static final String CANARY_SUBJECT = "CANARY-SUBJECT-7f3a";
    private static final String CANARY_POSITION = "CANARY-DELTA-TOKEN-91b2";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private AccountAuditProjection projection;
    private AccountAuditQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("AccountAuditSyncStepsTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        projection = new AccountAuditProjection(dataSource);
        queries = new AccountAuditQueryHandler(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void connectTheAccount() {
        jdbc.sql("TRUNCATE account_audit, account_audit_owner").update();
        projection.on(new AccountConnectedEvent(ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, "google-sub-1", "alice@example.com",
                Set.of("openid")), "e0", position(1), T0, ALICE, "oauth-callback");
    }

    @Test
    void everyStepOfASyncIsOnTheAccountsTimelineInOrder() {
        everySyncStep();

        assertThat(syncSteps()).extracting(AuditEntryView::type).containsExactly(
                "SYNC_STARTED", "SYNC_PAGE_FETCHED", "SYNC_THROTTLED", "SYNC_PAGE_FAILED", "SYNC_PAGE_FETCHED", "SYNC_PAUSED",
                "SYNC_RESUMED", "SYNC_CURSOR_EXPIRED", "SYNC_STARTED", "SYNC_COMPLETED", "SYNC_FAILED");
        assertThat(syncSteps()).allSatisfy(entry -> {
            assertThat(entry.summary()).isNotBlank().endsWith(".");
            assertThat(entry.details()).containsKeys("channel", "syncId");
        });
    }

    @Test
    void eachStepSaysWhatHappenedInWordsWithItsFacts() {
        everySyncStep();
        List<AuditEntryView> steps = syncSteps();

        AuditEntryView started = steps.get(0);
        assertThat(started.summary()).isEqualTo("Started a full sync of the mail because the account was connected.");
        assertThat(started.details()).containsEntry("channel", "MAIL").containsEntry("syncId", SYNC)
                .containsEntry("kind", "FULL").containsEntry("trigger", "ACCOUNT_CONNECTED");
        assertThat(started.actor()).isEqualTo(SYSTEM);
        assertThat(started.cause()).as("falls back to the sync trigger").isEqualTo("account-connected");

        AuditEntryView page = steps.get(1);
        assertThat(page.summary()).isEqualTo("Read page 1 of the mail sync: 50 new or changed, 2 removed; 50 items of about 1000 so far.");
        assertThat(page.details()).containsEntry("page", 1).containsEntry("upserted", 50).containsEntry("removed", 2)
                .containsEntry("itemsDone", 50).containsEntry("estimatedTotal", 1000);

        AuditEntryView throttled = steps.get(2);
        assertThat(throttled.summary())
                .isEqualTo("The provider throttled the mail sync until 2026-03-01 10:15:00 UTC: User-rate limit exceeded.");
        assertThat(throttled.details()).containsEntry("retryAt", "2026-03-01T10:15:00Z")
                .containsEntry("reason", "User-rate limit exceeded");

        AuditEntryView pageFailed = steps.get(3);
        assertThat(pageFailed.summary()).isEqualTo(
                "Reading a page of the mail sync failed (attempt 1): HTTP 503; next attempt at 2026-03-01 10:16:00 UTC.");
        assertThat(pageFailed.details()).containsEntry("attempt", 1).containsEntry("retryAt", "2026-03-01T10:16:00Z");

        assertThat(steps.get(4).summary())
                .isEqualTo("Read page 1 of the calendar sync: 7 new or changed, 0 removed; 7 items so far.");
        assertThat(steps.get(4).details()).containsEntry("channel", "CALENDAR").doesNotContainKey("estimatedTotal");

        assertThat(steps.get(5).summary())
                .isEqualTo("Paused the mail sync until the account is connected again: invalid_grant.");

        AuditEntryView resumed = steps.get(6);
        assertThat(resumed.summary()).isEqualTo("Resumed the full sync of the mail after 50 items.");
        assertThat(resumed.actor()).isEqualTo(ALICE);
        assertThat(resumed.cause()).as("the recorded cause wins").isEqualTo("oauth-callback");

        assertThat(steps.get(7).summary()).isEqualTo(
                "The provider no longer accepted the position of the mail sync (HTTP 404 on history); a full resync follows.");
        assertThat(steps.get(8).cause()).isEqualTo("cursor-expired");

        AuditEntryView completed = steps.get(9);
        assertThat(completed.summary()).isEqualTo("Completed the full sync of the mail: 3 pages, 120 items.");
        assertThat(completed.details()).containsEntry("pages", 3).containsEntry("itemsDone", 120).containsEntry("kind", "FULL");

        AuditEntryView failed = steps.get(10);
        assertThat(failed.summary()).isEqualTo("The calendar sync gave up after 5 attempts: the calendar is disabled.");
        assertThat(failed.details()).containsEntry("attempts", 5).containsEntry("reason", "the calendar is disabled");
    }

    @Test
    void noStepRecordsContentPositionsOrCursors() {
        everySyncStep();

        String stored = jdbc.sql("SELECT string_agg(summary || ' ' || details::text, ' ') FROM account_audit")
                .query(String.class).single();

        assertThat(stored).doesNotContain(CANARY_SUBJECT).doesNotContain(CANARY_POSITION);
        assertThat(syncSteps()).flatExtracting(entry -> entry.details().keySet())
                .doesNotContain("sealedContent", "nextPosition", "position", "cursor");
    }

    @Test
    void aDuplicateSyncStepAddsNoEntry() {
        everySyncStep();
        List<AuditEntryView> before = syncSteps();

        projection.on(mailPage(1, 50, 2, 50, 1000L), "e2", position(3), at(2), null, null);
        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, RESYNC, SyncKind.FULL, 3, 120, CANARY_POSITION),
                "e10", position(11), at(35), null, null);

        assertThat(syncSteps()).isEqualTo(before);
    }

    @Test
    void resetClearsTheSyncStepsWithTheRestOfTheTimeline() {
        everySyncStep();

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM account_audit").query(Long.class).single()).isZero();
    }

    /** One of each sync event, at positions 2 to 12, interleaving the mail and calendar channels. */
    private void everySyncStep() {
        projection.on(new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC, SyncKind.FULL,
                SyncTrigger.ACCOUNT_CONNECTED, null), "e1", position(2), at(1), null, null);
        projection.on(mailPage(1, 50, 2, 50, 1000L), "e2", position(3), at(2), null, null);
        projection.on(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, at(15), "User-rate limit exceeded"),
                "e3", position(4), at(3), null, null);
        projection.on(new SyncPageFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, 1, "HTTP 503", at(16)), "e4", position(5),
                at(15), null, null);
        projection.on(new CalendarItemsFetchedEvent(CALENDAR, ACCOUNT, WORKSPACE, OWNER, "sync-cal", 1, 7, 0, 7, null,
                CANARY_POSITION, sealed()), "e5", position(6), at(16), null, null);
        projection.on(new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "invalid_grant"), "e6", position(7), at(17),
                null, null);
        projection.on(new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC,
                SyncKind.FULL, SyncTrigger.RECONNECTED, CANARY_POSITION, 50), "e7", position(8), at(30), ALICE, "oauth-callback");
        projection.on(new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "HTTP 404 on history"), "e8",
                position(9), at(31), null, null);
        projection.on(new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, RESYNC,
                SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null), "e9", position(10), at(31), null, null);
        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, RESYNC, SyncKind.FULL, 3, 120, CANARY_POSITION),
                "e10", position(11), at(35), null, null);
        projection.on(new SyncFailedEvent(CALENDAR, ACCOUNT, SyncChannel.CALENDAR, "sync-cal", "the calendar is disabled", 5),
                "e11", position(12), at(40), null, null);
    }

    private List<AuditEntryView> syncSteps() {
        return queries.handle(new FindAccountAuditQuery(ACCOUNT, WORKSPACE, OWNER)).stream()
                .filter(entry -> entry.type().startsWith("SYNC_"))
                .toList();
    }

    private static MessagesFetchedEvent mailPage(int page, int upserted, int removed, long itemsDone, Long estimatedTotal) {
        return new MessagesFetchedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, SYNC, page, upserted, removed, itemsDone, estimatedTotal,
                CANARY_POSITION, sealed());
    }

    /** Stands in for sealed content: if anything opened or copied it, the canary would show in the timeline. */
    private static byte[] sealed() {
        return CANARY_SUBJECT.getBytes(StandardCharsets.UTF_8);
    }

    private static TrackingToken position(long globalIndex) {
        return new GlobalSequenceTrackingToken(globalIndex);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
