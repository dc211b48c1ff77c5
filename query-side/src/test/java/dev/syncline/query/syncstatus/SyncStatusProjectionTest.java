package dev.syncline.query.syncstatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
import dev.syncline.messages.sync.FindSyncRunQuery;
import dev.syncline.messages.sync.FindSyncStatusesQuery;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncRunState;
import dev.syncline.messages.sync.SyncRunView;
import dev.syncline.messages.sync.SyncStage;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncStatusView;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mockito.ArgumentCaptor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncStatusProjectionTest {

    private static final String ACCOUNT = "acc-google-alice";
    private static final String OTHER_ACCOUNT = "acc-microsoft-alice";
    private static final String WORKSPACE = "ws-1";
    private static final String OWNER = "user-alice";
    private static final String OTHER_OWNER = "user-bob";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);
    private static final String FULL_SYNC = "sync-full-1";
    private static final String INCREMENTAL_SYNC = "sync-incr-2";
    private static final String CALENDAR_SYNC = "sync-cal-1";
    private static final String RESYNC = "sync-resync-3";
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private TestDatabase database;
    private JdbcClient jdbc;
    private QueryUpdateEmitter updates;
    private SyncStatusProjection projection;
    private SyncStatusQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = TestDatabase.create("SyncStatusProjectionTest");
        Flyway.configure().dataSource(database.url(), database.user(), database.password())
                .locations("classpath:db/migration").load().migrate();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        jdbc = JdbcClient.create(dataSource);
        updates = mock(QueryUpdateEmitter.class);
        projection = new SyncStatusProjection(dataSource, updates, INTERVAL);
        queries = new SyncStatusQueryHandler(dataSource);
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTables() {
        jdbc.sql("TRUNCATE sync_status, sync_run, sync_status_account").update();
        clearInvocations(updates);
    }

    @Test
    void connectingAnAccountMakesBothChannelsPending() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);

        assertThat(statuses()).extracting(SyncStatusView::channel).containsExactly(SyncChannel.MAIL, SyncChannel.CALENDAR);
        assertThat(statuses()).allSatisfy(status -> {
            assertThat(status.accountId()).isEqualTo(ACCOUNT);
            assertThat(status.provider()).isEqualTo(Provider.GOOGLE);
            assertThat(status.stage()).isEqualTo(SyncStage.PENDING);
            assertThat(status.syncId()).isNull();
            assertThat(status.itemsDone()).isZero();
            assertThat(status.nextRunAt()).isNull();
            assertThat(status.lastError()).isNull();
            assertThat(status.actionRequired()).isFalse();
            assertThat(status.updatedAt()).isEqualTo(T0);
        });
    }

    @Test
    void aFullSyncShowsItsStageAndOpensARunningRun() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);

        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(mail.syncId()).isEqualTo(FULL_SYNC);
        assertThat(mail.kind()).isEqualTo(SyncKind.FULL);
        assertThat(mail.trigger()).isEqualTo(SyncTrigger.ACCOUNT_CONNECTED);
        assertThat(mail.startedAt()).isEqualTo(at(1));
        assertThat(mail.finishedAt()).isNull();
        assertThat(status(SyncChannel.CALENDAR).stage()).isEqualTo(SyncStage.PENDING);

        SyncRunView run = run(FULL_SYNC);
        assertThat(run.state()).isEqualTo(SyncRunState.RUNNING);
        assertThat(run.accountId()).isEqualTo(ACCOUNT);
        assertThat(run.channel()).isEqualTo(SyncChannel.MAIL);
        assertThat(run.kind()).isEqualTo(SyncKind.FULL);
        assertThat(run.trigger()).isEqualTo(SyncTrigger.ACCOUNT_CONNECTED);
        assertThat(run.startedAt()).isEqualTo(at(1));
        assertThat(run.pages()).isZero();
    }

    @Test
    void anIncrementalSyncStartsFromZeroCountsAndKeepsTheLastSuccess() {
        fullMailSyncCompleted();

        projection.on(started(SyncChannel.MAIL, INCREMENTAL_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE), position(10),
                at(15));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.INCREMENTAL);
        assertThat(mail.syncId()).isEqualTo(INCREMENTAL_SYNC);
        assertThat(mail.pages()).isZero();
        assertThat(mail.upserted()).isZero();
        assertThat(mail.estimatedTotal()).isNull();
        assertThat(mail.lastSuccessAt()).isEqualTo(at(10));
        assertThat(mail.nextRunAt()).isNull();
        assertThat(run(FULL_SYNC).state()).as("the last run keeps its end").isEqualTo(SyncRunState.COMPLETED);
    }

    @Test
    void eachPageAddsItsCountsAndProgressToTheChannelAndItsRun() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        projection.on(mailPage(FULL_SYNC, 1, 50, 0, 50, 1000L), position(3), at(2));
        projection.on(mailPage(FULL_SYNC, 2, 40, 3, 90, null), position(4), at(3));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.pages()).isEqualTo(2);
        assertThat(mail.upserted()).isEqualTo(90);
        assertThat(mail.removed()).isEqualTo(3);
        assertThat(mail.itemsDone()).isEqualTo(90);
        assertThat(mail.estimatedTotal()).as("kept when a page does not tell").isEqualTo(1000L);
        assertThat(mail.updatedAt()).isEqualTo(at(3));

        SyncRunView run = run(FULL_SYNC);
        assertThat(run.pages()).isEqualTo(2);
        assertThat(run.upserted()).isEqualTo(90);
        assertThat(run.removed()).isEqualTo(3);
        assertThat(run.itemsDone()).isEqualTo(90);
        assertThat(run.estimatedTotal()).isEqualTo(1000L);
    }

    @Test
    void calendarPagesCountOnTheCalendarChannelOnly() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.CALENDAR, CALENDAR_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2),
                at(1));

        projection.on(new CalendarItemsFetchedEvent(CALENDAR, ACCOUNT, WORKSPACE, OWNER, CALENDAR_SYNC, 1, 12, 1, 12, 30L,
                "next", new byte[] {1, 2, 3}), position(3), at(2));

        SyncStatusView calendar = status(SyncChannel.CALENDAR);
        assertThat(calendar.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(calendar.pages()).isEqualTo(1);
        assertThat(calendar.upserted()).isEqualTo(12);
        assertThat(calendar.itemsDone()).isEqualTo(12);
        assertThat(calendar.estimatedTotal()).isEqualTo(30L);
        assertThat(status(SyncChannel.MAIL).pages()).isZero();
        assertThat(run(CALENDAR_SYNC).pages()).isEqualTo(1);
    }

    @Test
    void aPageOfAnotherSyncLeavesTheChannelAsItIs() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        projection.on(mailPage("sync-unknown", 1, 50, 0, 50, null), position(3), at(2));

        assertThat(status(SyncChannel.MAIL).pages()).isZero();
    }

    @Test
    void throttlingShowsWhenTheSyncContinuesAndTheNextPageRunsAgain() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        projection.on(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, at(16), "quota exceeded"), position(3),
                at(1));

        SyncStatusView throttled = status(SyncChannel.MAIL);
        assertThat(throttled.stage()).isEqualTo(SyncStage.THROTTLED);
        assertThat(throttled.throttledUntil()).isEqualTo(at(16));
        assertThat(throttled.nextRunAt()).isEqualTo(at(16));
        assertThat(throttled.lastError()).as("waiting is no error").isNull();
        assertThat(run(FULL_SYNC).state()).isEqualTo(SyncRunState.THROTTLED);

        projection.on(mailPage(FULL_SYNC, 1, 50, 0, 50, null), position(4), at(16));

        SyncStatusView running = status(SyncChannel.MAIL);
        assertThat(running.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(running.throttledUntil()).isNull();
        assertThat(running.nextRunAt()).isNull();
        assertThat(run(FULL_SYNC).state()).isEqualTo(SyncRunState.RUNNING);
    }

    @Test
    void aTransientPageFailureShowsTheRetryAsNextRunAndTheErrorInWords() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        projection.on(new SyncPageFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, 2, "Gmail answered HTTP 503", at(3)),
                position(3), at(2));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(mail.nextRunAt()).isEqualTo(at(3));
        assertThat(mail.lastError())
                .isEqualTo("Reading a page failed (attempt 2): Gmail answered HTTP 503; retrying at 2026-03-01 10:03:00 UTC.");
        SyncRunView run = run(FULL_SYNC);
        assertThat(run.state()).isEqualTo(SyncRunState.RUNNING);
        assertThat(run.lastError()).isEqualTo(mail.lastError());
    }

    @Test
    void completionMakesTheChannelIdleWithItsLastSuccessAndTheNextRunAfterTheInterval() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));
        projection.on(new SyncPageFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, 1, "timeout", at(3)), position(3),
                at(2));
        projection.on(mailPage(FULL_SYNC, 1, 50, 0, 50, 60L), position(4), at(3));
        projection.on(mailPage(FULL_SYNC, 2, 10, 0, 60, 60L), position(5), at(4));

        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, 2, 60, "cursor-1"),
                position(6), at(5));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.IDLE);
        assertThat(mail.finishedAt()).isEqualTo(at(5));
        assertThat(mail.lastSuccessAt()).isEqualTo(at(5));
        assertThat(mail.nextRunAt()).isEqualTo(at(5).plus(INTERVAL));
        assertThat(mail.lastError()).as("cleared by the success").isNull();
        assertThat(mail.pages()).isEqualTo(2);
        assertThat(mail.itemsDone()).isEqualTo(60);
        SyncRunView run = run(FULL_SYNC);
        assertThat(run.state()).isEqualTo(SyncRunState.COMPLETED);
        assertThat(run.finishedAt()).isEqualTo(at(5));
        assertThat(run.itemsDone()).isEqualTo(60);
    }

    @Test
    void aFailedSyncShowsWhyAndKeepsItUntilASyncSucceeds() {
        fullMailSyncCompleted();
        projection.on(started(SyncChannel.MAIL, INCREMENTAL_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE), position(10),
                at(15));

        projection.on(new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, INCREMENTAL_SYNC, "the mailbox is disabled", 5),
                position(11), at(16));

        SyncStatusView failed = status(SyncChannel.MAIL);
        assertThat(failed.stage()).isEqualTo(SyncStage.FAILED);
        assertThat(failed.lastError()).isEqualTo("The sync gave up after 5 attempts: the mailbox is disabled.");
        assertThat(failed.finishedAt()).isEqualTo(at(16));
        assertThat(failed.nextRunAt()).isEqualTo(at(16).plus(INTERVAL));
        assertThat(failed.lastSuccessAt()).isEqualTo(at(10));
        assertThat(run(INCREMENTAL_SYNC).state()).isEqualTo(SyncRunState.FAILED);
        assertThat(run(INCREMENTAL_SYNC).lastError()).isEqualTo(failed.lastError());

        projection.on(started(SyncChannel.MAIL, "sync-incr-4", SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE), position(12), at(21));
        assertThat(status(SyncChannel.MAIL).lastError()).as("kept while the next sync runs").isEqualTo(failed.lastError());

        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, "sync-incr-4", SyncKind.INCREMENTAL, 1, 3, "c"),
                position(13), at(22));
        assertThat(status(SyncChannel.MAIL).lastError()).isNull();
    }

    @Test
    void aCursorExpiryEndsTheRunAsRestartedAndTheFullResyncTakesOver() {
        fullMailSyncCompleted();
        projection.on(started(SyncChannel.MAIL, INCREMENTAL_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE), position(10),
                at(15));

        projection.on(new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, INCREMENTAL_SYNC, "HTTP 404 on history"),
                position(11), at(16));
        projection.on(started(SyncChannel.MAIL, RESYNC, SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED), position(12), at(16));

        SyncRunView expired = run(INCREMENTAL_SYNC);
        assertThat(expired.state()).isEqualTo(SyncRunState.RESTARTED);
        assertThat(expired.finishedAt()).isEqualTo(at(16));
        assertThat(expired.lastError())
                .isEqualTo("The provider no longer accepted the sync's position (HTTP 404 on history); a full resync follows.");
        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(mail.syncId()).isEqualTo(RESYNC);
        assertThat(mail.trigger()).isEqualTo(SyncTrigger.CURSOR_EXPIRED);
        assertThat(run(RESYNC).state()).isEqualTo(SyncRunState.RUNNING);
    }

    @Test
    void aPausedSyncNeedsTheOwnerAndResumesFromItsItemsAfterTheReconnect() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));
        projection.on(mailPage(FULL_SYNC, 1, 50, 0, 50, null), position(3), at(2));

        projection.on(new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, "invalid_grant"), position(4), at(3));

        SyncStatusView paused = status(SyncChannel.MAIL);
        assertThat(paused.stage()).isEqualTo(SyncStage.PAUSED);
        assertThat(paused.actionRequired()).isTrue();
        assertThat(paused.lastError()).isEqualTo("Paused until you connect the account again: invalid_grant.");
        assertThat(run(FULL_SYNC).state()).isEqualTo(SyncRunState.PAUSED);

        projection.on(reconnected(), position(5), at(30));
        projection.on(new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, FULL_SYNC,
                SyncKind.FULL, SyncTrigger.RECONNECTED, "page-2", 50), position(6), at(30));

        SyncStatusView resumed = status(SyncChannel.MAIL);
        assertThat(resumed.stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(resumed.actionRequired()).isFalse();
        assertThat(resumed.itemsDone()).isEqualTo(50);
        assertThat(resumed.pages()).as("the pages before the pause still count").isEqualTo(1);
        assertThat(resumed.trigger()).isEqualTo(SyncTrigger.RECONNECTED);
        SyncRunView run = run(FULL_SYNC);
        assertThat(run.state()).isEqualTo(SyncRunState.RUNNING);
        assertThat(run.startedAt()).isEqualTo(at(1));
    }

    @Test
    void reauthorizationPausesBothChannelsAndAReconnectClearsActionRequired() {
        fullMailSyncCompleted();

        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "the grant was revoked"), position(10), at(12));

        assertThat(statuses()).allSatisfy(status -> {
            assertThat(status.stage()).isEqualTo(SyncStage.PAUSED);
            assertThat(status.actionRequired()).isTrue();
            assertThat(status.nextRunAt()).isNull();
            assertThat(status.lastError()).isEqualTo("Google needs you to connect the account again: the grant was revoked.");
        });

        projection.on(reconnected(), position(11), at(20));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.actionRequired()).isFalse();
        assertThat(mail.stage()).as("its last sync completed").isEqualTo(SyncStage.IDLE);
        assertThat(mail.nextRunAt()).as("the usual time has passed").isEqualTo(at(20));
        assertThat(mail.lastError()).as("kept until a sync succeeds").startsWith("Google needs you");
        SyncStatusView calendar = status(SyncChannel.CALENDAR);
        assertThat(calendar.actionRequired()).isFalse();
        assertThat(calendar.stage()).as("it never synced").isEqualTo(SyncStage.PENDING);
    }

    @Test
    void aSyncThatCompletesWhileTheAccountNeedsReauthorizationStaysPaused() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant"), position(3), at(2));

        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, 1, 5, "c"), position(4),
                at(3));

        SyncStatusView mail = status(SyncChannel.MAIL);
        assertThat(mail.stage()).isEqualTo(SyncStage.PAUSED);
        assertThat(mail.actionRequired()).isTrue();
        assertThat(mail.nextRunAt()).isNull();
        assertThat(mail.lastSuccessAt()).isEqualTo(at(3));
        assertThat(mail.lastError()).startsWith("Google needs you");
    }

    @Test
    void disconnectDeletesTheAccountsRowsAndEndsItsStreams() {
        fullMailSyncCompleted();
        projection.on(connected(OTHER_ACCOUNT, OWNER), position(10), at(11));

        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), position(11));

        assertThat(queries.handle(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OWNER))).isEmpty();
        assertThat(queries.handle(new FindSyncRunQuery(ACCOUNT, FULL_SYNC, WORKSPACE, OWNER))).isEmpty();
        assertThat(queries.handle(new FindSyncStatusesQuery(WORKSPACE, OWNER)))
                .extracting(SyncStatusView::accountId).containsOnly(OTHER_ACCOUNT);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Predicate<FindAccountSyncStatusQuery>> ended = ArgumentCaptor.forClass(Predicate.class);
        verify(updates).complete(eq(FindAccountSyncStatusQuery.class), ended.capture());
        assertThat(ended.getValue().test(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OWNER))).isTrue();
        assertThat(ended.getValue().test(new FindAccountSyncStatusQuery(OTHER_ACCOUNT, WORKSPACE, OWNER))).isFalse();
    }

    @Test
    void connectingADisconnectedAccountAgainBringsItsChannelsBackPending() {
        fullMailSyncCompleted();
        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), position(10));

        projection.on(new AccountReconnectedEvent(ACCOUNT, "alice@example.com", Set.of("openid"), AccountStatus.DISCONNECTED),
                position(11), at(30));

        assertThat(statuses()).extracting(SyncStatusView::channel).containsExactly(SyncChannel.MAIL, SyncChannel.CALENDAR);
        assertThat(statuses()).allSatisfy(status -> {
            assertThat(status.stage()).isEqualTo(SyncStage.PENDING);
            assertThat(status.provider()).isEqualTo(Provider.GOOGLE);
            assertThat(status.syncId()).isNull();
            assertThat(status.lastSuccessAt()).isNull();
            assertThat(status.updatedAt()).isEqualTo(at(30));
        });
        assertThat(queries.handle(new FindSyncRunQuery(ACCOUNT, FULL_SYNC, WORKSPACE, OWNER))).as("runs stay gone").isEmpty();
    }

    @Test
    void aRedeliveredDisconnectLeavesTheChannelsOfTheReconnectedAccount() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), position(2));
        projection.on(new AccountReconnectedEvent(ACCOUNT, "alice@example.com", Set.of("openid"), AccountStatus.DISCONNECTED),
                position(3), at(30));
        clearInvocations(updates);

        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), position(2));

        assertThat(statuses()).hasSize(2);
        verify(updates, never()).complete(eq(FindAccountSyncStatusQuery.class), any(Predicate.class));
    }

    @Test
    void syncEventsOfADisconnectedAccountBringNoRowsBack() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE), position(2));

        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(3), at(1));
        projection.on(mailPage(FULL_SYNC, 1, 5, 0, 5, null), position(4), at(2));

        assertThat(jdbc.sql("SELECT count(*) FROM sync_status").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sync_run").query(Long.class).single()).isZero();
    }

    @Test
    void theSameEventsTwiceChangeNothing() {
        fullMailSyncCompleted();
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant"), position(10), at(12));
        projection.on(reconnected(), position(11), at(20));
        String before = checksum();

        fullMailSyncCompleted();
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "invalid_grant"), position(10), at(12));
        projection.on(reconnected(), position(11), at(20));
        projection.on(mailPage(FULL_SYNC, 2, 10, 0, 60, 60L), position(5), at(4));
        projection.on(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, at(9), "late"), position(4), at(3));

        assertThat(checksum()).isEqualTo(before);
        assertThat(status(SyncChannel.MAIL).pages()).isEqualTo(2);
    }

    @Test
    void resetEmptiesStatusAndRuns() {
        fullMailSyncCompleted();

        projection.reset();

        assertThat(jdbc.sql("SELECT count(*) FROM sync_status").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM sync_run").query(Long.class).single()).isZero();
    }

    @Test
    void anotherOwnersAccountIsNotThere() {
        fullMailSyncCompleted();

        assertThat(queries.handle(new FindSyncStatusesQuery(WORKSPACE, OTHER_OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OTHER_OWNER))).isEmpty();
        assertThat(queries.handle(new FindAccountSyncStatusQuery(ACCOUNT, "ws-other", OWNER))).isEmpty();
        assertThat(queries.handle(new FindSyncRunQuery(ACCOUNT, FULL_SYNC, WORKSPACE, OTHER_OWNER))).isEmpty();
        assertThat(queries.handle(new FindSyncRunQuery(OTHER_ACCOUNT, FULL_SYNC, WORKSPACE, OWNER)))
                .as("a run is found under its own account only").isEmpty();
        assertThat(queries.handle(new FindSyncRunQuery(ACCOUNT, FULL_SYNC, WORKSPACE, OWNER))).isPresent();
    }

    @Test
    void eachChangedChannelIsEmittedToTheSubscribersOfItsAccountOnly() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        clearInvocations(updates);

        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));

        @SuppressWarnings("unchecked")
        ArgumentCaptor<Predicate<FindAccountSyncStatusQuery>> audience = ArgumentCaptor.forClass(Predicate.class);
        ArgumentCaptor<SyncStatusView> update = ArgumentCaptor.forClass(SyncStatusView.class);
        verify(updates, times(1)).emit(eq(FindAccountSyncStatusQuery.class), audience.capture(), update.capture());
        assertThat(update.getValue().channel()).isEqualTo(SyncChannel.MAIL);
        assertThat(update.getValue().stage()).isEqualTo(SyncStage.FULL_SYNC);
        assertThat(audience.getValue().test(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OWNER))).isTrue();
        assertThat(audience.getValue().test(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OTHER_OWNER))).isFalse();
        assertThat(audience.getValue().test(new FindAccountSyncStatusQuery(OTHER_ACCOUNT, WORKSPACE, OWNER))).isFalse();

        clearInvocations(updates);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));
        verify(updates, never()).emit(eq(FindAccountSyncStatusQuery.class), any(Predicate.class), any(SyncStatusView.class));
    }

    @Test
    void axonResolvesTheHandlerParametersFromATrackedEventMessage() throws Exception {
        AnnotationEventHandlerAdapter adapter = new AnnotationEventHandlerAdapter(projection);
        adapter.handle(tracked("ConnectedAccount", ACCOUNT, connected(ACCOUNT, OWNER), 7, at(1)));
        adapter.handle(tracked("ChannelSync", MAIL,
                started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), 8, at(2)));

        assertThat(status(SyncChannel.MAIL).startedAt()).isEqualTo(at(2));
        assertThat(jdbc.sql("SELECT last_position FROM sync_status WHERE channel = 'MAIL'").query(Long.class).single())
                .isEqualTo(8L);
    }

    /** Connect, then a full mail sync of two pages completing at minute 10, at positions 1 to 6. */
    private void fullMailSyncCompleted() {
        projection.on(connected(ACCOUNT, OWNER), position(1), T0);
        projection.on(started(SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED), position(2), at(1));
        projection.on(mailPage(FULL_SYNC, 1, 50, 0, 50, 60L), position(3), at(2));
        projection.on(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, at(8), "rate limit"), position(4), at(3));
        projection.on(mailPage(FULL_SYNC, 2, 10, 0, 60, 60L), position(5), at(8));
        projection.on(new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FULL_SYNC, SyncKind.FULL, 2, 60, "cursor-1"),
                position(6), at(10));
    }

    private String checksum() {
        return jdbc.sql("""
                        SELECT md5(coalesce((SELECT string_agg(s::text, '|' ORDER BY account_id, channel) FROM sync_status s), '')
                                || coalesce((SELECT string_agg(r::text, '|' ORDER BY sync_id) FROM sync_run r), ''))
                        """)
                .query(String.class).single();
    }

    private List<SyncStatusView> statuses() {
        return queries.handle(new FindAccountSyncStatusQuery(ACCOUNT, WORKSPACE, OWNER));
    }

    private SyncStatusView status(SyncChannel channel) {
        return statuses().stream().filter(status -> status.channel() == channel).findFirst().orElseThrow();
    }

    private SyncRunView run(String syncId) {
        return queries.handle(new FindSyncRunQuery(ACCOUNT, syncId, WORKSPACE, OWNER)).orElseThrow();
    }

    private static AccountConnectedEvent connected(String accountId, String ownerId) {
        return new AccountConnectedEvent(accountId, WORKSPACE, ownerId, Provider.GOOGLE, "google-sub-1", "alice@example.com",
                Set.of("openid"));
    }

    private static AccountReconnectedEvent reconnected() {
        return new AccountReconnectedEvent(ACCOUNT, "alice@example.com", Set.of("openid"), AccountStatus.REAUTHORIZATION_REQUIRED);
    }

    private static SyncStartedEvent started(SyncChannel channel, String syncId, SyncKind kind, SyncTrigger trigger) {
        return new SyncStartedEvent(channel.streamIdFor(ACCOUNT), ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, channel, syncId,
                kind, trigger, kind == SyncKind.FULL ? null : "cursor-1");
    }

    private static MessagesFetchedEvent mailPage(String syncId, int page, int upserted, int removed, long itemsDone,
                                                 Long estimatedTotal) {
        return new MessagesFetchedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, syncId, page, upserted, removed, itemsDone,
                estimatedTotal, "position-" + page, new byte[] {42});
    }

    private static GenericTrackedDomainEventMessage<Object> tracked(String type, String aggregateId, Object payload,
                                                                    long globalIndex, Instant at) {
        return new GenericTrackedDomainEventMessage<>(position(globalIndex),
                new GenericDomainEventMessage<>(type, aggregateId, 0, payload, MetaData.emptyInstance(), "evt-" + globalIndex, at));
    }

    private static TrackingToken position(long globalIndex) {
        return new GlobalSequenceTrackingToken(globalIndex);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
