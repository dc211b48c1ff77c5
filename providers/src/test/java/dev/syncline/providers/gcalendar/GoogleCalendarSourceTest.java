package dev.syncline.providers.gcalendar;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.gcalendar.CalendarCounters;
import dev.syncline.emulator.gcalendar.CalendarFault;
import dev.syncline.emulator.gcalendar.CalendarQuota;
import dev.syncline.emulator.gcalendar.GoogleCalendarEmulator;
import dev.syncline.emulator.gcalendar.ThrottleAnswer;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class GoogleCalendarSourceTest {

    private static final String ADA = "ada@gmail.example";
    private static final String BOB = "bob@gmail.example";
    private static final Instant GENERATED_AT = Instant.parse("2026-03-01T09:00:00Z");
    private static final int PAGE_SIZE = 40;

    private EmulatorServer emulator;
    private GoogleCalendarEmulator calendar;
    private GoogleCalendarSource source;
    private MailboxAccess ada;

    @BeforeEach
    void start() {
        emulator = EmulatorServer.start(EmulatorConfig.forTests());
        calendar = (GoogleCalendarEmulator) emulator.control().calendar(EmulatedProvider.GOOGLE);
        ada = accessOf(ADA);
        source = new GoogleCalendarSource(GoogleCalendarSettings.defaults()
                .withRootUrl(emulator.baseUrl() + "/")
                .withPageSize(PAGE_SIZE));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void fullSyncOfAGeneratedCalendarEqualsTheSnapshot() {
        seed(ADA, 300);
        CalendarMirror mirror = new CalendarMirror();

        SyncRun run = sync(ada, null, mirror);

        assertThat(run.pages()).isGreaterThan(1);
        assertThat(mirror.asSnapshot()).isEqualTo(calendar.snapshot(ADA));
    }

    @Test
    void incrementalSyncAppliesAddsUpdatesAndDeletes() {
        List<String> ids = listedIds(seed(ADA, 300));
        CalendarMirror mirror = new CalendarMirror();
        String cursor = sync(ada, null, mirror).cursor();
        String added = calendar.addItem(ADA, MailboxGenerator.calendarItem("added", "Retro",
                LocalDateTime.parse("2026-03-05T14:00"), Duration.ofMinutes(90), "America/New_York"));
        calendar.updateItem(ADA, ids.get(0), "Moved and renamed", LocalDateTime.parse("2026-03-06T08:15"));
        calendar.updateItem(ADA, ids.get(1), "Renamed only", null);
        calendar.deleteItem(ADA, ids.get(2));

        SyncRun changes = sync(ada, cursor, mirror);

        assertThat(changes.upserted()).isEqualTo(3);
        assertThat(changes.removed()).isEqualTo(1);
        assertThat(mirror.get(added).timeZone()).isEqualTo("America/New_York");
        assertThat(mirror.asSnapshot()).isEqualTo(calendar.snapshot(ADA));
    }

    @Test
    void anIncrementalSyncWithoutChangesKeepsTheMirrorAndHandsOnACursor() {
        seed(ADA, 50);
        CalendarMirror mirror = new CalendarMirror();
        String cursor = sync(ada, null, mirror).cursor();

        SyncRun nothing = sync(ada, cursor, mirror);

        assertThat(nothing.upserted() + nothing.removed()).isZero();
        assertThat(nothing.cursor()).isNotBlank();
        assertThat(mirror.asSnapshot()).isEqualTo(calendar.snapshot(ADA));
    }

    @Test
    void anExpiredCursorAsksForAFullSync() {
        seed(ADA, 50);
        String cursor = sync(ada, null, new CalendarMirror()).cursor();

        calendar.expireCursors(ADA);

        assertThatThrownBy(() -> source.fetch(ada, cursor)).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("410");
    }

    @Test
    void aStalePageTokenInAFullSyncAsksForAFullSyncToo() {
        seed(ADA, 100);
        CalendarItemsPage first = source.fetch(ada, null);

        calendar.expireCursors(ADA);

        assertThat(first.last()).isFalse();
        assertThatThrownBy(() -> source.fetch(ada, first.nextPosition())).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void aPositionThisAdapterDidNotWriteAsksForAFullSync() {
        assertThatThrownBy(() -> source.fetch(ada, "something-else")).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void anExpiredAccessTokenIsRejected() {
        emulator.control().expireAccessTokens(EmulatedProvider.GOOGLE, ADA);

        assertThatThrownBy(() -> source.fetch(ada, null)).isInstanceOf(AccessTokenRejectedException.class)
                .hasMessageNotContaining(ada.accessToken());
    }

    @Test
    void serverErrorsAreTransientAndTheNextCallSucceeds() {
        seed(ADA, 10);
        calendar.injectFault(ADA, CalendarFault.serverErrors(503, 1));

        assertThatThrownBy(() -> source.fetch(ada, null)).isInstanceOf(TransientProviderException.class);
        assertThat(source.fetch(ada, null).last()).isTrue();
    }

    @Test
    void aThrottledSyncCompletesWithoutCallingDuringARunningRetryAfter() {
        seed(ADA, 300);
        calendar.setQuota(ADA, CalendarQuota.GOOGLE_DEFAULT.limitedTo(3, Duration.ofSeconds(1)));
        source = new GoogleCalendarSource(GoogleCalendarSettings.defaults()
                .withRootUrl(emulator.baseUrl() + "/")
                .withPageSize(30));
        CalendarMirror mirror = new CalendarMirror();

        SyncRun run = syncRetryingWhenThrottled(ada, mirror);

        CalendarCounters counters = calendar.counters(ADA);
        assertThat(run.pages()).isGreaterThan(3);
        assertThat(counters.throttled()).isPositive();
        assertThat(counters.requestsDuringRetryAfter()).isZero();
        assertThat(mirror.asSnapshot()).isEqualTo(calendar.snapshot(ADA));
    }

    @Test
    void aRateLimit403WithoutRetryAfterPausesTheMailboxForHalfAMinute() {
        seed(ADA, 10);
        calendar.setQuota(ADA, CalendarQuota.GOOGLE_DEFAULT.limitedTo(1, Duration.ofMinutes(1))
                .answeredWith(ThrottleAnswer.RATE_LIMIT_EXCEEDED));
        source.fetch(ada, null);

        ProviderThrottledException throttled = catchThrottled(() -> source.fetch(ada, null));
        long requestsSoFar = calendar.counters(ADA).requests();
        ProviderThrottledException stillPaused = catchThrottled(() -> source.fetch(ada, null));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(stillPaused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(30));
        assertThat(calendar.counters(ADA).requests()).isEqualTo(requestsSoFar);
    }

    @Test
    void aThrottledMailboxDoesNotDelayAnother() {
        emulator.control().addUser(EmulatedProvider.GOOGLE, BOB, "Bob");
        MailboxAccess bob = accessOf(BOB);
        seed(ADA, 10);
        seed(BOB, 10);
        calendar.setQuota(ADA, CalendarQuota.GOOGLE_DEFAULT.limitedTo(1, Duration.ofMinutes(1)));
        source.fetch(ada, null);
        catchThrottled(() -> source.fetch(ada, null));

        long started = System.nanoTime();
        CalendarItemsPage bobsPage = source.fetch(bob, null);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(bobsPage.upserted()).hasSize(calendar.snapshot(BOB).size());
    }

    @Test
    void oneSourceServesManyMailboxesAtOnce() throws Exception {
        emulator.control().addUser(EmulatedProvider.GOOGLE, BOB, "Bob");
        MailboxAccess bob = accessOf(BOB);
        seed(ADA, 200);
        seed(BOB, 150);
        CalendarMirror adasMirror = new CalendarMirror();
        CalendarMirror bobsMirror = new CalendarMirror();

        Thread adasSync = new Thread(() -> sync(ada, null, adasMirror));
        adasSync.start();
        sync(bob, null, bobsMirror);
        adasSync.join(Duration.ofSeconds(30).toMillis());

        assertThat(adasMirror.asSnapshot()).isEqualTo(calendar.snapshot(ADA));
        assertThat(bobsMirror.asSnapshot()).isEqualTo(calendar.snapshot(BOB));
    }

    /** The pages of one sync run, from a position to the cursor on its last page. */
    private record SyncRun(String cursor, int pages, int upserted, int removed) {
    }

    private SyncRun sync(MailboxAccess access, String from, CalendarMirror mirror) {
        int pages = 0;
        int upserted = 0;
        int removed = 0;
        String position = from;
        while (true) {
            CalendarItemsPage page = source.fetch(access, position);
            mirror.apply(page);
            pages++;
            upserted += page.upserted().size();
            removed += page.removed().size();
            if (page.last()) {
                return new SyncRun(page.cursor(), pages, upserted, removed);
            }
            position = page.nextPosition();
        }
    }

    /** Retries a throttled page every 100 ms, far more often than any Retry-After allows: the adapter must hold back. */
    private SyncRun syncRetryingWhenThrottled(MailboxAccess access, CalendarMirror mirror) {
        int pages = 0;
        String position = null;
        while (true) {
            String at = position;
            CalendarItemsPage page = await().atMost(Duration.ofSeconds(60))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(100))
                    .ignoreException(ProviderThrottledException.class)
                    .until(() -> source.fetch(access, at), Objects::nonNull);
            mirror.apply(page);
            pages++;
            if (page.last()) {
                return new SyncRun(page.cursor(), pages, 0, 0);
            }
            position = page.nextPosition();
        }
    }

    private static ProviderThrottledException catchThrottled(Runnable call) {
        try {
            call.run();
        } catch (ProviderThrottledException e) {
            return e;
        }
        throw new AssertionError("expected the call to be throttled");
    }

    private List<String> seed(String email, int items) {
        MailboxSpec spec = new MailboxSpec(11, 0, 0, items, GENERATED_AT);
        return calendar.seed(email, MailboxGenerator.generate(spec, email).calendarItems());
    }

    private List<String> listedIds(List<String> seeded) {
        List<String> listed = calendar.snapshot(ADA).stream().map(CalendarSnapshotItem::id).toList();
        return new ArrayList<>(seeded.stream().filter(listed::contains).toList());
    }

    private MailboxAccess accessOf(String email) {
        return new MailboxAccess("account-" + email,
                emulator.control().issueAccessToken(EmulatedProvider.GOOGLE, email, Duration.ofHours(1)));
    }
}
