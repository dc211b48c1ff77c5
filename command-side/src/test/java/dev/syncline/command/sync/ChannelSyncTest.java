package dev.syncline.command.sync;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.DataKeyDestroyedException;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.PauseSyncCommand;
import dev.syncline.messages.sync.RecordCalendarItemsPageCommand;
import dev.syncline.messages.sync.RecordCursorExpiredCommand;
import dev.syncline.messages.sync.RecordMessagesPageCommand;
import dev.syncline.messages.sync.RecordSyncFailureCommand;
import dev.syncline.messages.sync.RecordSyncThrottledCommand;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.ResetChannelSyncCommand;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncChannelResetEvent;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.messages.sync.SyncedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every command of {@link ChannelSync}: starting and resuming, recording pages (sealed with the account's
 * real data key on PostgreSQL), throttling, failures and their retries, cursor expiry, pause and reset.
 */
class ChannelSyncTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String OTHER_OWNER = "5a1c7f20-2b6f-4d1e-9b7a-61c2e4f0d3b7";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String DISCONNECTED_ACCOUNT = "acc-77b0e2f4";
    private static final AccountKey KEY = new AccountKey(WORKSPACE, ACCOUNT);
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);

    private static final String SYNC = "sync-4f1d";
    private static final String NEXT_SYNC = "sync-8a2b";
    private static final String OTHER_SYNC = "sync-0e77";
    private static final String RESYNC = "resync-19c3";
    private static final String SECOND_RESYNC = "resync-5d0a";
    private static final String CURSOR = "history:4711";
    private static final String NEW_CURSOR = "history:4800";
    private static final String PAGE_2 = "page-token-2";
    private static final String PAGE_3 = "page-token-3";
    private static final long ESTIMATED_TOTAL = 120L;
    private static final byte[] SEALED_ELSEWHERE = {1, 2, 3};
    private static final String EXPIRY_REASON = "Gmail answered 404 to history.list: the history id is too old";
    private static final String TRANSIENT_REASON = "Gmail answered 503";
    private static final String PERMANENT_REASON = "The mailbox is not enabled for the Gmail API";
    private static final String PAUSE_REASON = "Google refused the grant (invalid_grant)";
    private static final String RESET_REASON = "The account was disconnected";

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant THROTTLED_UNTIL = NOW.plus(Duration.ofMinutes(15));
    private static final Duration INITIAL_BACKOFF = Duration.ofSeconds(2);
    private static final SyncRetrySettings RETRY = new SyncRetrySettings(3, INITIAL_BACKOFF, Duration.ofMinutes(5));

    private static final String SUBJECT_CANARY = "CANARY quarterly numbers";
    private static final String TITLE_CANARY = "CANARY board meeting";
    private static final Instant RECEIVED_AT = Instant.parse("2026-03-01T17:45:12.345678Z");
    private static final SyncedMessage QUARTERLY_NUMBERS = new SyncedMessage("msg-18c2", "thread-18c0", null,
            List.of("INBOX", "IMPORTANT"), new EmailAddress("Ada Lovelace", "ada@example.com"),
            List.of(new EmailAddress(null, "me@example.com")), List.of(new EmailAddress("Bob", "bob@example.com")),
            SUBJECT_CANARY, "Numbers attached", "Hi, the numbers are attached.", false, RECEIVED_AT, true,
            List.of(new AttachmentInfo("q1.pdf", "application/pdf", 48_213)));
    private static final SyncedMessage LUNCH = new SyncedMessage("msg-18c5", "thread-18c5", null, List.of("INBOX"),
            new EmailAddress(null, "bob@example.com"), List.of(new EmailAddress(null, "me@example.com")), List.of(),
            "Lunch?", "Lunch at noon?", "Lunch at noon?", false, RECEIVED_AT.plusSeconds(60), false, List.of());
    private static final RemovedItem DELETED = new RemovedItem("msg-0a01", null);
    private static final CalendarItem BOARD_MEETING = new CalendarItem("evt-5e1", TITLE_CANARY, "Agenda inside", "Room 4",
            Instant.parse("2026-03-05T09:00:00Z"), Instant.parse("2026-03-05T10:30:00Z"), "Europe/Berlin", false,
            List.of("RRULE:FREQ=MONTHLY;BYDAY=1TH"), null, new EmailAddress("Ada Lovelace", "ada@example.com"),
            List.of(new CalendarAttendee("me@example.com", "Me", AttendeeResponse.ACCEPTED)), CalendarItemStatus.CONFIRMED);
    private static final RemovedItem CANCELLED_ITEM = new RemovedItem("evt-4d0", null);

    private static SealingTestBed bed;
    private AggregateTestFixture<ChannelSync> fixture;

    @BeforeAll
    static void createDataKeys() {
        bed = new SealingTestBed("ChannelSyncTest");
        bed.connect(KEY);
    }

    @AfterAll
    static void dropDatabase() {
        bed.close();
    }

    @BeforeEach
    void newFixture() {
        fixture = new AggregateTestFixture<>(ChannelSync.class);
        fixture.registerInjectableResource(bed.sealer);
        fixture.registerInjectableResource(new SyncRetryPolicy(RETRY));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
    }

    // --- starting ----------------------------------------------------------------------------------------

    @Test
    void theFirstStartIsAFullSyncFromNoPositionAndAnswersTheProposedId() {
        fixture.givenNoPriorActivity()
                .when(start(SyncMode.AUTO, SyncTrigger.ACCOUNT_CONNECTED, SYNC))
                .expectResultMessagePayload(SYNC)
                .expectEvents(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null));
    }

    @Test
    void anAutoStartAfterACompletedSyncIsIncrementalFromTheCursor() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, null, 2),
                        completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(start(SyncMode.AUTO, SyncTrigger.SCHEDULE, NEXT_SYNC))
                .expectResultMessagePayload(NEXT_SYNC)
                .expectEvents(started(NEXT_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR));
    }

    @Test
    void aFullStartIgnoresTheCursor() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(start(SyncMode.FULL, SyncTrigger.USER_REQUEST, NEXT_SYNC))
                .expectResultMessagePayload(NEXT_SYNC)
                .expectEvents(started(NEXT_SYNC, SyncKind.FULL, SyncTrigger.USER_REQUEST, null));
    }

    @Test
    void aStartWhileASyncRunsAnswersTheRunningSyncAndEmitsNothing() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, PAGE_2, 2))
                .when(start(SyncMode.FULL, SyncTrigger.USER_REQUEST, NEXT_SYNC))
                .expectResultMessagePayload(SYNC)
                .expectNoEvents();
    }

    @Test
    void aStartWhilePausedResumesTheSyncAtItsCommittedPosition() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, PAGE_2, 2),
                        paused(SYNC))
                .when(start(SyncMode.AUTO, SyncTrigger.RECONNECTED, NEXT_SYNC))
                .expectResultMessagePayload(SYNC)
                .expectEvents(new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC,
                        SyncKind.FULL, SyncTrigger.RECONNECTED, PAGE_2, 2));
    }

    @Test
    void aResumedSyncTakesPagesFromItsCommittedPosition() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, PAGE_2, 2),
                        paused(SYNC), resumed(SYNC, PAGE_2, 2))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, PAGE_2, mailPage(List.of(LUNCH), List.of(), PAGE_3, null)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(events(event(MessagesFetchedEvent.class, e -> e.page() == 2 && e.itemsDone() == 3)));
    }

    @Test
    void anotherUserCannotStartAChannelSyncById() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(new StartSyncCommand(MAIL, ACCOUNT, WORKSPACE, OTHER_OWNER, Provider.GOOGLE, SyncChannel.MAIL,
                        SyncMode.AUTO, SyncTrigger.USER_REQUEST, NEXT_SYNC))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    // --- pages -------------------------------------------------------------------------------------------

    @Test
    void aPageFromTheCurrentPositionIsRecordedWithItsContentSealed() {
        MessagesPage page = mailPage(List.of(QUARTERLY_NUMBERS, LUNCH), List.of(DELETED), PAGE_3, null);

        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, PAGE_2, 2))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, PAGE_2, page))
                .expectResultMessagePayload(true)
                .expectEventsMatching(events(event(MessagesFetchedEvent.class, e -> e.channelSyncId().equals(MAIL)
                        && e.accountId().equals(ACCOUNT) && e.workspaceId().equals(WORKSPACE) && e.ownerId().equals(OWNER)
                        && e.syncId().equals(SYNC) && e.page() == 2 && e.upsertedCount() == 2 && e.removedCount() == 1
                        && e.itemsDone() == 5 && e.estimatedTotal() == ESTIMATED_TOTAL && PAGE_3.equals(e.nextPosition())
                        && doesNotShow(e.sealedContent(), SUBJECT_CANARY)
                        && bed.sealer.openMessages(KEY, e.sealedContent())
                                .equals(Optional.of(new MessagesPageContent(page.upserted(), page.removed()))))));
    }

    @Test
    void aCalendarPageIsRecordedWithItsContentSealedForTheCalendar() {
        CalendarItemsPage page = new CalendarItemsPage(List.of(BOARD_MEETING), List.of(CANCELLED_ITEM), PAGE_2, null, null);

        fixture.given(calendarStarted(SYNC, null))
                .when(new RecordCalendarItemsPageCommand(CALENDAR, SYNC, null, page))
                .expectResultMessagePayload(true)
                .expectEventsMatching(events(event(CalendarItemsFetchedEvent.class, e -> e.channelSyncId().equals(CALENDAR)
                        && e.syncId().equals(SYNC) && e.page() == 1 && e.upsertedCount() == 1 && e.removedCount() == 1
                        && e.itemsDone() == 2 && e.estimatedTotal() == null && PAGE_2.equals(e.nextPosition())
                        && doesNotShow(e.sealedContent(), TITLE_CANARY)
                        && bed.sealer.openCalendarItems(KEY, e.sealedContent())
                                .equals(Optional.of(new CalendarItemsPageContent(page.upserted(), page.removed()))))));
    }

    @Test
    void theLastPageAlsoCompletesTheSyncWithThePagesCursor() {
        fixture.given(started(SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR), fetched(SYNC, 1, PAGE_2, 2))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, PAGE_2, mailPage(List.of(LUNCH), List.of(DELETED), null, NEW_CURSOR)))
                .expectResultMessagePayload(true)
                .expectEventsMatching(events(
                        event(MessagesFetchedEvent.class, e -> e.page() == 2 && e.itemsDone() == 4 && e.nextPosition() == null),
                        event(SyncCompletedEvent.class, e -> e.equals(completed(SYNC, SyncKind.INCREMENTAL, 2, 4, NEW_CURSOR)))));
    }

    @Test
    void theLastCalendarPageAlsoCompletesTheSync() {
        fixture.given(calendarStarted(SYNC, null))
                .when(new RecordCalendarItemsPageCommand(CALENDAR, SYNC, null,
                        new CalendarItemsPage(List.of(BOARD_MEETING), List.of(), null, NEW_CURSOR, 1L)))
                .expectEventsMatching(events(
                        event(CalendarItemsFetchedEvent.class, e -> e.page() == 1 && e.nextPosition() == null),
                        event(SyncCompletedEvent.class, e -> e.equals(new SyncCompletedEvent(CALENDAR, ACCOUNT,
                                SyncChannel.CALENDAR, SYNC, SyncKind.FULL, 1, 1, NEW_CURSOR)))));
    }

    @Test
    void aPageFromAStalePositionIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, PAGE_2, 2))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), PAGE_2, null)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPageForAnotherSyncIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordMessagesPageCommand(MAIL, OTHER_SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), PAGE_2, null)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPageAfterTheSyncCompletedIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), fetched(SYNC, 1, null, 2),
                        completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), null, CURSOR)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aPageCannotBeRecordedOnceADisconnectShreddedTheDataKey() {
        AccountKey disconnected = new AccountKey(WORKSPACE, DISCONNECTED_ACCOUNT);
        String channel = SyncChannel.MAIL.streamIdFor(DISCONNECTED_ACCOUNT);
        bed.connect(disconnected);
        bed.disconnect(disconnected);

        fixture.given(new SyncStartedEvent(channel, DISCONNECTED_ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL,
                        SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordMessagesPageCommand(channel, SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), PAGE_2, null)))
                .expectException(DataKeyDestroyedException.class)
                .expectNoEvents();
    }

    // --- throttling and failures -------------------------------------------------------------------------

    @Test
    void throttlingIsRecordedWithTheTimeToContinue() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordSyncThrottledCommand(MAIL, SYNC, THROTTLED_UNTIL, "Gmail asked to wait"))
                .expectEvents(new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, THROTTLED_UNTIL, "Gmail asked to wait"));
    }

    @Test
    void throttlingDoesNotUseUpTheAttempts() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1),
                        throttled(SYNC), throttled(SYNC), throttled(SYNC), throttled(SYNC))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEventsMatching(events(event(SyncPageFailedEvent.class, e -> e.attempt() == 2)));
    }

    @Test
    void failuresAndThrottlingOfAPausedSyncAreIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), paused(SYNC))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectNoEvents();
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), paused(SYNC))
                .when(new RecordSyncThrottledCommand(MAIL, SYNC, THROTTLED_UNTIL, "Gmail asked to wait"))
                .expectNoEvents();
    }

    @Test
    void aUserOfAnotherWorkspaceCannotStartAChannelSyncById() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(new StartSyncCommand(MAIL, ACCOUNT, "another-workspace", OWNER, Provider.GOOGLE, SyncChannel.MAIL,
                        SyncMode.AUTO, SyncTrigger.USER_REQUEST, NEXT_SYNC))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void throttlingOfAnotherSyncIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordSyncThrottledCommand(MAIL, OTHER_SYNC, THROTTLED_UNTIL, "Gmail asked to wait"))
                .expectNoEvents();
    }

    @Test
    void aTransientFailureSchedulesARetryOfThePageAfterTheInitialBackoff() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEventsMatching(events(event(SyncPageFailedEvent.class, e -> e.channelSyncId().equals(MAIL)
                        && e.accountId().equals(ACCOUNT) && e.channel() == SyncChannel.MAIL && e.syncId().equals(SYNC)
                        && e.attempt() == 1 && e.reason().equals(TRANSIENT_REASON)
                        && within(e.retryAt(), INITIAL_BACKOFF.dividedBy(2), INITIAL_BACKOFF))));
    }

    @Test
    void eachFurtherFailureCountsAnotherAttemptAndWaitsLonger() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEventsMatching(events(event(SyncPageFailedEvent.class, e -> e.attempt() == 2
                        && within(e.retryAt(), INITIAL_BACKOFF, INITIAL_BACKOFF.multipliedBy(2)))));
    }

    @Test
    void theSyncFailsWhenTheAttemptsRunOut() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1), pageFailed(SYNC, 2))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEvents(new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, TRANSIENT_REASON, 3));
    }

    @Test
    void aPermanentFailureFailsTheSyncAtOnce() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, PERMANENT_REASON, true))
                .expectEvents(new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, PERMANENT_REASON, 1));
    }

    @Test
    void aCommittedPageResetsTheAttempts() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1), pageFailed(SYNC, 2),
                        fetched(SYNC, 1, PAGE_2, 2))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEventsMatching(events(event(SyncPageFailedEvent.class, e -> e.attempt() == 1)));
    }

    @Test
    void aFailureOfAnotherSyncIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new RecordSyncFailureCommand(MAIL, OTHER_SYNC, PERMANENT_REASON, true))
                .expectNoEvents();
    }

    @Test
    void afterAFailedSyncTheNextStartIsANewSync() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                        new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, PERMANENT_REASON, 1))
                .when(start(SyncMode.AUTO, SyncTrigger.SCHEDULE, NEXT_SYNC))
                .expectResultMessagePayload(NEXT_SYNC)
                .expectEvents(started(NEXT_SYNC, SyncKind.FULL, SyncTrigger.SCHEDULE, null));
    }

    // --- cursor expiry -----------------------------------------------------------------------------------

    @Test
    void anExpiredCursorStartsOneFullResyncFromNoPosition() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR),
                        started(NEXT_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR))
                .when(new RecordCursorExpiredCommand(MAIL, NEXT_SYNC, EXPIRY_REASON, RESYNC))
                .expectEvents(new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, NEXT_SYNC, EXPIRY_REASON),
                        started(RESYNC, SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null));
    }

    @Test
    void anExpiryOfThatResyncBeforeAnyPageFailsInsteadOfLooping() {
        fixture.given(started(NEXT_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR),
                        new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, NEXT_SYNC, EXPIRY_REASON),
                        started(RESYNC, SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null))
                .when(new RecordCursorExpiredCommand(MAIL, RESYNC, EXPIRY_REASON, SECOND_RESYNC))
                .expectEvents(new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, RESYNC,
                        "The provider refused even a fresh full sync: " + EXPIRY_REASON, 1));
    }

    @Test
    void aResyncWhosePositionExpiresAfterCommittedPagesStartsAnotherResync() {
        fixture.given(started(RESYNC, SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null), fetched(RESYNC, 1, PAGE_2, 2))
                .when(new RecordCursorExpiredCommand(MAIL, RESYNC, EXPIRY_REASON, SECOND_RESYNC))
                .expectEvents(new SyncCursorExpiredEvent(MAIL, ACCOUNT, SyncChannel.MAIL, RESYNC, EXPIRY_REASON),
                        started(SECOND_RESYNC, SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null));
    }

    @Test
    void anExpiryReportedForAnotherSyncIsIgnored() {
        fixture.given(started(SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR))
                .when(new RecordCursorExpiredCommand(MAIL, OTHER_SYNC, EXPIRY_REASON, RESYNC))
                .expectNoEvents();
    }

    // --- pause and reset ---------------------------------------------------------------------------------

    @Test
    void pausingARunningSyncIsRecorded() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null))
                .when(new PauseSyncCommand(MAIL, PAUSE_REASON))
                .expectEvents(paused(SYNC));
    }

    @Test
    void pausingAPausedSyncAgainChangesNothing() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), paused(SYNC))
                .when(new PauseSyncCommand(MAIL, PAUSE_REASON))
                .expectNoEvents();
    }

    @Test
    void aPageThatArrivesAfterThePauseIsIgnoredAndReadAgainOnResume() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), paused(SYNC))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), PAGE_2, null)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void aFailureThatArrivesAfterThePauseIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1), paused(SYNC))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectNoEvents();
    }

    @Test
    void throttlingThatArrivesAfterThePauseIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), paused(SYNC))
                .when(new RecordSyncThrottledCommand(MAIL, SYNC, THROTTLED_UNTIL, "Gmail asked to wait"))
                .expectNoEvents();
    }

    @Test
    void aResumedSyncRecordsFailuresAgainFromTheFirstAttempt() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), pageFailed(SYNC, 1), paused(SYNC),
                        resumed(SYNC, null, 0))
                .when(new RecordSyncFailureCommand(MAIL, SYNC, TRANSIENT_REASON, false))
                .expectEventsMatching(events(event(SyncPageFailedEvent.class, e -> e.attempt() == 1)));
    }

    @Test
    void pausingAnIdleChannelChangesNothing() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR))
                .when(new PauseSyncCommand(MAIL, PAUSE_REASON))
                .expectNoEvents();
    }

    @Test
    void aResetForgetsTheCursorAndEndsTheRunningSync() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR),
                        started(NEXT_SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR))
                .when(new ResetChannelSyncCommand(MAIL, RESET_REASON))
                .expectEvents(new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, NEXT_SYNC, RESET_REASON));
    }

    @Test
    void theNextAutoStartAfterAResetIsAFullSync() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null), completed(SYNC, SyncKind.FULL, 1, 2, CURSOR),
                        new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, null, RESET_REASON))
                .when(start(SyncMode.AUTO, SyncTrigger.RECONNECTED, NEXT_SYNC))
                .expectResultMessagePayload(NEXT_SYNC)
                .expectEvents(started(NEXT_SYNC, SyncKind.FULL, SyncTrigger.RECONNECTED, null));
    }

    @Test
    void aPageOfTheSyncThatAResetEndedIsIgnored() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                        new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, RESET_REASON))
                .when(new RecordMessagesPageCommand(MAIL, SYNC, null, mailPage(List.of(QUARTERLY_NUMBERS), List.of(), PAGE_2, null)))
                .expectResultMessagePayload(false)
                .expectNoEvents();
    }

    @Test
    void resettingAChannelWithNothingToForgetChangesNothing() {
        fixture.given(started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                        new SyncChannelResetEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, RESET_REASON))
                .when(new ResetChannelSyncCommand(MAIL, RESET_REASON))
                .expectNoEvents();
    }

    // --- test data ---------------------------------------------------------------------------------------

    private static StartSyncCommand start(SyncMode mode, SyncTrigger trigger, String proposedSyncId) {
        return new StartSyncCommand(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, mode, trigger, proposedSyncId);
    }

    static SyncStartedEvent started(String syncId, SyncKind kind, SyncTrigger trigger, String position) {
        return new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, syncId, kind, trigger, position);
    }

    private static SyncStartedEvent calendarStarted(String syncId, String position) {
        return new SyncStartedEvent(CALENDAR, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.CALENDAR, syncId,
                SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, position);
    }

    /** A committed page; its content was sealed when it was recorded, which these tests do not replay. */
    static MessagesFetchedEvent fetched(String syncId, int page, String nextPosition, long itemsDone) {
        return new MessagesFetchedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, syncId, page, (int) itemsDone, 0, itemsDone,
                ESTIMATED_TOTAL, nextPosition, SEALED_ELSEWHERE);
    }

    private static SyncCompletedEvent completed(String syncId, SyncKind kind, int pages, long itemsDone, String cursor) {
        return new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, syncId, kind, pages, itemsDone, cursor);
    }

    static SyncPageFailedEvent pageFailed(String syncId, int attempt) {
        return new SyncPageFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, syncId, attempt, TRANSIENT_REASON, NOW.plusSeconds(attempt));
    }

    private static SyncThrottledEvent throttled(String syncId) {
        return new SyncThrottledEvent(MAIL, ACCOUNT, SyncChannel.MAIL, syncId, THROTTLED_UNTIL, "Gmail asked to wait");
    }

    static SyncPausedEvent paused(String syncId) {
        return new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, syncId, PAUSE_REASON);
    }

    private static SyncResumedEvent resumed(String syncId, String position, long itemsDone) {
        return new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, syncId, SyncKind.FULL,
                SyncTrigger.RECONNECTED, position, itemsDone);
    }

    private static MessagesPage mailPage(List<SyncedMessage> upserted, List<RemovedItem> removed, String nextPosition, String cursor) {
        return new MessagesPage(upserted, removed, nextPosition, cursor, ESTIMATED_TOTAL);
    }

    private static boolean within(Instant retryAt, Duration atLeast, Duration atMost) {
        return !retryAt.isBefore(NOW.plus(atLeast)) && !retryAt.isAfter(NOW.plus(atMost));
    }

    private static boolean doesNotShow(byte[] sealed, String canary) {
        return !new String(sealed, ISO_8859_1).contains(canary);
    }

    @SafeVarargs
    private static Matcher<List<EventMessage<?>>> events(Matcher<?>... payloads) {
        return Matchers.payloadsMatching(Matchers.exactSequenceOf(Arrays.copyOf(payloads, payloads.length, Matcher[].class)));
    }

    private static <T> Matcher<Object> event(Class<T> type, Predicate<T> condition) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return type.isInstance(actual) && condition.test(type.cast(actual));
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a ").appendText(type.getSimpleName()).appendText(" with the expected content");
            }
        };
    }
}
