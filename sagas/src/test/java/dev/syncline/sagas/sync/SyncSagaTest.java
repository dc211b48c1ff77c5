package dev.syncline.sagas.sync;

import static dev.syncline.sagas.sync.SyncSaga.RETRY_DEADLINE;
import static dev.syncline.sagas.sync.SyncSaga.WATCHDOG_DEADLINE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.ValidAccessToken;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.PauseSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncChannelResetEvent;
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
import dev.syncline.sagas.RecordingCommandGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sync saga, page by page, with both its deadlines. Page requests go to a real {@link PageFetchWorker}
 * running the real {@link PageFetcher} over scripted provider adapters; what the adapters were asked to read
 * shows which page the saga requested. The worker has one thread, so a marker fetch queued after the saga's
 * requests tells (within a deadline) when they have all run.
 */
class SyncSagaTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String OTHER_ACCOUNT = "acc-91d0b7c2";
    private static final String MARKER_ACCOUNT = "acc-marker";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);
    private static final String SYNC = "sync-4f1d";
    private static final String RESYNC = "resync-19c3";
    private static final String CURSOR = "history:4711";
    private static final String PAGE_2 = "page-token-2";
    private static final String PAGE_3 = "page-token-3";
    private static final String REAUTHORIZATION_REASON = "Google refused the grant (invalid_grant)";

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Duration PAGE_TIMEOUT = Duration.ofMinutes(3);
    private static final Instant RETRY_AT = NOW.plus(Duration.ofMinutes(15));
    private static final Instant FAR_FUTURE = NOW.plus(Duration.ofDays(1));
    private static final SyncSettings SETTINGS = new SyncSettings(Duration.ofMinutes(5), Duration.ofSeconds(5), PAGE_TIMEOUT, 1);
    private static final Duration FETCH_DEADLINE = Duration.ofSeconds(10);

    private static final MessagesPage ANY_MAIL_PAGE = new MessagesPage(List.of(), List.of(), "page-token-x", null, null);
    private static final CalendarItemsPage ANY_CALENDAR_PAGE = new CalendarItemsPage(List.of(), List.of(), "page-token-x", null, null);

    private final ScriptedSource.Mail mail = new ScriptedSource.Mail(Provider.GOOGLE, ANY_MAIL_PAGE);
    private final ScriptedSource.Calendar calendar = new ScriptedSource.Calendar(Provider.GOOGLE, ANY_CALENDAR_PAGE);
    private PageFetchWorker worker;
    private SagaTestFixture<SyncSaga> fixture;

    @BeforeEach
    void newFixture() {
        PageFetcher fetcher = new PageFetcher(ScriptedSource.syncSources(mail, calendar), new RecordingCommandGateway(),
                TokenQueries.answering(query -> new ValidAccessToken(query.accountId(), Provider.GOOGLE, "ya29.test-token",
                        NOW.plus(Duration.ofHours(1)))),
                Clock.fixed(NOW, ZoneOffset.UTC));
        worker = new PageFetchWorker(fetcher, SETTINGS);
        fixture = new SagaTestFixture<>(SyncSaga.class);
        fixture.registerResource(worker);
        fixture.registerResource(SETTINGS);
        fixture.givenCurrentTime(NOW);
    }

    @AfterEach
    void stopWorker() throws InterruptedException {
        worker.destroy();
    }

    // --- requesting pages --------------------------------------------------------------------------------

    @Test
    void aStartedSyncRequestsItsFirstPageFromTheStartPositionAndWatchesIt() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(SyncKind.INCREMENTAL, CURSOR))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE)
                .expectNoDispatchedCommands();

        assertThat(mailPositionsRead()).containsExactly(CURSOR);
    }

    @Test
    void aFullSyncRequestsItsFirstPageFromNoPosition() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(started(SyncKind.FULL, null))
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        assertThat(mailPositionsRead()).containsExactly((String) null);
    }

    @Test
    void aCommittedPageRequestsTheNextPageAtItsNextPositionAndRestartsTheWatchdog() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenTimeElapses(Duration.ofMinutes(1)))
                .whenPublishingA(fetched(PAGE_2))
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE)
                .expectNoScheduledDeadlineWithName(NOW.plus(PAGE_TIMEOUT), WATCHDOG_DEADLINE)
                .expectNoDispatchedCommands();

        assertThat(mailPositionsRead()).containsExactly(PAGE_2);
    }

    @Test
    void aCommittedCalendarPageRequestsTheNextCalendarPage() {
        afterFetchesRan(fixture.givenAPublished(calendarStarted()))
                .whenPublishingA(new CalendarItemsFetchedEvent(CALENDAR, ACCOUNT, WORKSPACE, OWNER, SYNC, 1, 1, 0, 1, null, PAGE_2,
                        new byte[0]))
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        awaitFetchesRan();
        assertThat(calendar.reads()).extracting(ScriptedSource.Read::position).containsExactly(PAGE_2);
        assertThat(mail.reads()).extracting(ScriptedSource.Read::accountId).containsOnly(MARKER_ACCOUNT);
    }

    @Test
    void theLastPageRequestsNothing() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(fetched(PAGE_2)))
                .whenPublishingA(fetched(null))
                .expectActiveSagas(1)
                .expectNoDispatchedCommands();

        assertThat(mailPositionsRead()).isEmpty();
    }

    @Test
    void aResumedSyncStartsASagaThatRequestsItsCommittedPosition() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.FULL, null)).andThenAPublished(fetched(PAGE_2))
                        .andThenAPublished(new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, REAUTHORIZATION_REASON)))
                .whenPublishingA(new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC,
                        SyncKind.FULL, SyncTrigger.RECONNECTED, PAGE_2, 2))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        assertThat(mailPositionsRead()).containsExactly(PAGE_2);
    }

    // --- waiting: throttling, failures, the watchdog -----------------------------------------------------

    @Test
    void aThrottledSyncWaitsUntilTheRetryTimeWithoutAWatchdog() {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, RETRY_AT, "Gmail asked to wait"))
                .expectScheduledDeadlineWithName(RETRY_AT, RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(NOW, FAR_FUTURE, WATCHDOG_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void aFailedPageWaitsForItsRetryTimeWithoutAWatchdog() {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(pageFailed(RETRY_AT))
                .expectScheduledDeadlineWithName(RETRY_AT, RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(NOW, FAR_FUTURE, WATCHDOG_DEADLINE)
                .expectActiveSagas(1);
    }

    @Test
    void aFurtherFailureReplacesTheWaitingRetry() throws Exception {
        Instant later = RETRY_AT.plus(Duration.ofMinutes(5));

        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(pageFailed(RETRY_AT))
                .whenPublishingA(pageFailed(later))
                .expectScheduledDeadlineWithName(later, RETRY_DEADLINE)
                .expectNoScheduledDeadlineWithName(RETRY_AT, RETRY_DEADLINE);
    }

    @Test
    void theRetryDeadlineRequestsTheCurrentPageAgainAndWatchesIt() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(fetched(PAGE_2))
                        .andThenAPublished(pageFailed(RETRY_AT)))
                .whenTimeAdvancesTo(RETRY_AT)
                .expectTriggeredDeadlinesWithName(RETRY_DEADLINE)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE)
                .expectNoDispatchedCommands();

        assertThat(mailPositionsRead()).containsExactly(PAGE_2);
    }

    @Test
    void aPageCommittedWhileARetryWaitsMakesTheRetryObsolete() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(pageFailed(RETRY_AT)))
                .whenPublishingA(fetched(PAGE_2))
                .expectNoScheduledDeadlineWithName(NOW, FAR_FUTURE, RETRY_DEADLINE)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        assertThat(mailPositionsRead()).containsExactly(PAGE_2);
    }

    @Test
    void theWatchdogRequestsALostPageAgain() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(fetched(PAGE_2)))
                .whenTimeElapses(PAGE_TIMEOUT)
                .expectTriggeredDeadlinesWithName(WATCHDOG_DEADLINE)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        assertThat(mailPositionsRead()).containsExactly(PAGE_2);
    }

    @Test
    void theWatchdogWaitsLongerForAFetchStillInFlight() {
        CountDownLatch providerAnswers = new CountDownLatch(1);
        mail.then(position -> {
            awaitSignal(providerAnswers);
            return ANY_MAIL_PAGE;
        });
        try {
            fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                    .whenTimeElapses(PAGE_TIMEOUT)
                    .expectTriggeredDeadlinesWithName(WATCHDOG_DEADLINE)
                    .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);
        } finally {
            providerAnswers.countDown();
        }

        assertThat(mailPositionsRead()).containsExactly(CURSOR);
    }

    // --- the account's grant -----------------------------------------------------------------------------

    @Test
    void reauthorizationOfTheAccountPausesTheSync() {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(new ReauthorizationRequiredEvent(ACCOUNT, REAUTHORIZATION_REASON))
                .expectDispatchedCommands(new PauseSyncCommand(MAIL, REAUTHORIZATION_REASON))
                .expectActiveSagas(1);
    }

    @Test
    void reauthorizationOfAnotherAccountChangesNothing() {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(new ReauthorizationRequiredEvent(OTHER_ACCOUNT, REAUTHORIZATION_REASON))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    // --- ending ------------------------------------------------------------------------------------------

    static Stream<Arguments> endings() {
        return Stream.of(
                Arguments.of("completed", new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, SyncKind.INCREMENTAL, 1, 3,
                        "history:4800")),
                Arguments.of("failed", new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "Gmail answered 503", 6)),
                Arguments.of("paused", new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, REAUTHORIZATION_REASON)),
                Arguments.of("cursor expired", new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "history id too old")),
                Arguments.of("channel reset", new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC,
                        "The account was disconnected")),
                Arguments.of("account disconnected", new AccountDisconnectedEvent(ACCOUNT, WORKSPACE)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void anEndingEndsTheSagaAndCancelsTheWatchdog(String ending, Object event) {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(event)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endings")
    void anEndingEndsTheSagaAndCancelsAWaitingRetry(String ending, Object event) throws Exception {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR)).andThenAPublished(pageFailed(RETRY_AT))
                .whenPublishingA(event)
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void anExpiredCursorEndsTheSyncAndItsResyncStartsASagaOfItsOwn() throws Exception {
        afterFetchesRan(fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                        .andThenAPublished(new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "history id too old")))
                .whenPublishingA(new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, RESYNC,
                        SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);

        assertThat(mailPositionsRead()).containsExactly((String) null);
    }

    @Test
    void aResetThatEndedNoSyncLeavesTheSagaRunning() {
        fixture.givenAPublished(started(SyncKind.INCREMENTAL, CURSOR))
                .whenPublishingA(new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, null, "The account was disconnected"))
                .expectActiveSagas(1)
                .expectScheduledDeadlineWithName(PAGE_TIMEOUT, WATCHDOG_DEADLINE);
    }

    // --- helpers -----------------------------------------------------------------------------------------

    private static SyncStartedEvent started(SyncKind kind, String position) {
        return new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC, kind,
                kind == SyncKind.FULL ? SyncTrigger.ACCOUNT_CONNECTED : SyncTrigger.SCHEDULE, position);
    }

    private static SyncStartedEvent calendarStarted() {
        return new SyncStartedEvent(CALENDAR, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.CALENDAR, SYNC,
                SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null);
    }

    private static MessagesFetchedEvent fetched(String nextPosition) {
        return new MessagesFetchedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, SYNC, 1, 1, 0, 1, null, nextPosition, new byte[0]);
    }

    private static SyncPageFailedEvent pageFailed(Instant retryAt) {
        return new SyncPageFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, 1, "Gmail answered 503", retryAt);
    }

    /** The given state, once the fetches it asked for have run and been forgotten, so that a test sees only its own. */
    private <S> S afterFetchesRan(S given) {
        awaitFetchesRan();
        mail.forget();
        calendar.forget();
        return given;
    }

    /** The positions of the account's mail read so far, once every fetch requested so far has run. */
    private List<String> mailPositionsRead() {
        awaitFetchesRan();
        return mail.reads().stream().filter(read -> read.accountId().equals(ACCOUNT)).map(ScriptedSource.Read::position).toList();
    }

    private void awaitFetchesRan() {
        String marker = "marker-" + UUID.randomUUID();
        worker.fetchAfterCommit(new PageRequest(marker, SyncChannel.MAIL.streamIdFor(MARKER_ACCOUNT), MARKER_ACCOUNT,
                Provider.GOOGLE, SyncChannel.MAIL, marker));
        await().atMost(FETCH_DEADLINE).until(() -> mail.reads().stream().anyMatch(read -> marker.equals(read.position())));
    }

    private static void awaitSignal(CountDownLatch signal) {
        try {
            if (!signal.await(FETCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("The test never let the provider answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the provider was answering", e);
        }
    }
}
