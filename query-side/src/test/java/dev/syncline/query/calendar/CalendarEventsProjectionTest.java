package dev.syncline.query.calendar;

import static dev.syncline.query.sealed.ContentEvents.OWNER;
import static dev.syncline.query.sealed.ContentEvents.WORKSPACE;
import static dev.syncline.query.sealed.ContentEvents.calendarPage;
import static dev.syncline.query.sealed.ContentEvents.completed;
import static dev.syncline.query.sealed.ContentEvents.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemView;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.FindCalendarItemsQuery;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.query.sealed.ContentDatabase;
import dev.syncline.query.sealed.PlainJsonSealedContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarEventsProjectionTest {

    private static final String GOOGLE = "acc-google";
    private static final String MICROSOFT = "acc-microsoft";
    private static final String SYNC_1 = "sync-1";
    private static final String SYNC_2 = "sync-2";
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant FETCHED = Instant.parse("2026-03-01T08:00:00Z");

    private ContentDatabase database;
    private PlainJsonSealedContent content;
    private CalendarEventsProjection projection;
    private CalendarItemQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = ContentDatabase.create("CalendarEventsProjectionTest");
        queries = new CalendarItemQueryHandler(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        database.jdbc().sql("TRUNCATE calendar_events").update();
        content = new PlainJsonSealedContent();
        projection = new CalendarEventsProjection(database.dataSource(), content);
    }

    @Test
    void aPageIsStoredWithEveryColumnUnderAStableId() {
        CalendarItem planning = new CalendarItem("ev-1", "Planning", "Agenda: numbers", "Room 4", at(0), at(60), "Europe/Berlin",
                false, List.of("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE:20260309T090000Z"), null,
                new EmailAddress("Olga", "olga@example.com"),
                List.of(new CalendarAttendee("alice@example.com", "Alice", AttendeeResponse.ACCEPTED),
                        new CalendarAttendee("bob@example.com", null, AttendeeResponse.NEEDS_ACTION)),
                CalendarItemStatus.TENTATIVE);
        CalendarItem moved = new CalendarItem("ev-1_20260316", "Planning (moved)", null, null, at(7 * 24 * 60 + 120),
                at(7 * 24 * 60 + 180), "Europe/Berlin", false, List.of(), "ev-1", null, List.of(), CalendarItemStatus.CONFIRMED);

        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(planning, moved), List.of()), FETCHED);

        CalendarItemView view = find(GOOGLE, "ev-1").orElseThrow();
        assertThat(view.id()).isEqualTo(CalendarEventsProjection.idOf(GOOGLE, "ev-1").toString());
        assertThat(view.accountId()).isEqualTo(GOOGLE);
        assertThat(view.title()).isEqualTo("Planning");
        assertThat(view.description()).isEqualTo("Agenda: numbers");
        assertThat(view.location()).isEqualTo("Room 4");
        assertThat(view.startsAt()).isEqualTo(at(0));
        assertThat(view.endsAt()).isEqualTo(at(60));
        assertThat(view.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(view.allDay()).isFalse();
        assertThat(view.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE:20260309T090000Z");
        assertThat(view.seriesId()).isNull();
        assertThat(view.organizer()).isEqualTo(new EmailAddress("Olga", "olga@example.com"));
        assertThat(view.attendees()).containsExactly(new CalendarAttendee("alice@example.com", "Alice", AttendeeResponse.ACCEPTED),
                new CalendarAttendee("bob@example.com", null, AttendeeResponse.NEEDS_ACTION));
        assertThat(view.status()).isEqualTo(CalendarItemStatus.TENTATIVE);
        assertThat(view.updatedAt()).isEqualTo(FETCHED);
        assertThat(find(GOOGLE, "ev-1_20260316").orElseThrow().seriesId()).isEqualTo("ev-1");
        assertThat(lastSeenSync(GOOGLE, "ev-1")).isEqualTo(SYNC_1);
    }

    @Test
    void aDuplicatePageChangesNothing() {
        var page = calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30)), item("ev-2", at(60), at(90))), List.of());
        projection.on(page, FETCHED);
        String before = database.checksum("calendar_events");

        projection.on(page, FETCHED);

        assertThat(database.checksum("calendar_events")).isEqualTo(before);
        assertThat(database.count("calendar_events")).isEqualTo(2);
    }

    @Test
    void aCancelledItemThatArrivesAsAnItemStaysFlagged() {
        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30))), List.of()), FETCHED);
        CalendarItem cancelled = new CalendarItem("ev-1", "Item ev-1", null, null, at(0), at(30), "Europe/Berlin", false, List.of(),
                null, null, List.of(), CalendarItemStatus.CANCELLED);

        projection.on(calendarPage(GOOGLE, SYNC_2, List.of(cancelled), List.of()), FETCHED);

        assertThat(find(GOOGLE, "ev-1")).hasValueSatisfying(view -> assertThat(view.status()).isEqualTo(CalendarItemStatus.CANCELLED));
    }

    @Test
    void aRemovalDeletesTheItemWhateverItsScope() {
        projection.on(calendarPage(MICROSOFT, SYNC_1, List.of(item("ev-1", at(0), at(30)), item("ev-2", at(0), at(30)),
                item("ev-3", at(0), at(30))), List.of()), FETCHED);

        projection.on(calendarPage(MICROSOFT, SYNC_2, List.of(),
                List.of(new RemovedItem("ev-1", null), new RemovedItem("ev-2", "calendar-primary"))), FETCHED);

        assertThat(externalIds(MICROSOFT)).containsExactly("ev-3");
    }

    @Test
    void aCompletedFullSyncRemovesExactlyTheItemsItDidNotSee() {
        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30)), item("ev-2", at(0), at(30))), List.of()),
                FETCHED);
        projection.on(calendarPage(MICROSOFT, SYNC_1, List.of(item("ms-1", at(0), at(30))), List.of()), FETCHED);

        projection.on(calendarPage(GOOGLE, SYNC_2, List.of(item("ev-2", at(0), at(30)), item("ev-3", at(0), at(30))), List.of()),
                FETCHED);
        projection.on(completed(GOOGLE, SyncChannel.CALENDAR, SYNC_2, SyncKind.FULL));

        assertThat(externalIds(GOOGLE)).containsExactly("ev-2", "ev-3");
        assertThat(externalIds(MICROSOFT)).containsExactly("ms-1");
    }

    @Test
    void anIncrementalCompletionOrAFullMailSyncRemovesNothing() {
        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30))), List.of()), FETCHED);
        projection.on(calendarPage(GOOGLE, SYNC_2, List.of(item("ev-2", at(0), at(30))), List.of()), FETCHED);

        projection.on(completed(GOOGLE, SyncChannel.CALENDAR, SYNC_2, SyncKind.INCREMENTAL));
        projection.on(completed(GOOGLE, SyncChannel.MAIL, SYNC_2, SyncKind.FULL));

        assertThat(externalIds(GOOGLE)).containsExactly("ev-1", "ev-2");
    }

    @Test
    void aDisconnectDeletesTheItemsOfThatAccountOnly() {
        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30))), List.of()), FETCHED);
        projection.on(calendarPage(MICROSOFT, SYNC_1, List.of(item("ms-1", at(0), at(30))), List.of()), FETCHED);

        projection.on(new AccountDisconnectedEvent(GOOGLE, WORKSPACE));

        assertThat(externalIds(GOOGLE)).isEmpty();
        assertThat(externalIds(MICROSOFT)).containsExactly("ms-1");
    }

    @Test
    void aPageWhoseDataKeyWasDestroyedIsSkippedAndCounted() {
        content.destroyKeyOf(GOOGLE);

        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30))), List.of()), FETCHED);
        projection.on(calendarPage(MICROSOFT, SYNC_1, List.of(item("ms-1", at(0), at(30))), List.of()), FETCHED);

        assertThat(externalIds(GOOGLE)).isEmpty();
        assertThat(externalIds(MICROSOFT)).containsExactly("ms-1");
        assertThat(projection.skippedPages()).isEqualTo(1);
    }

    @Test
    void resetEmptiesTheTable() {
        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(item("ev-1", at(0), at(30))), List.of()), FETCHED);

        projection.reset();

        assertThat(database.count("calendar_events")).isZero();
    }

    @Test
    void anItemWithoutEndLastsNoTimeAndAnItemWithoutStatusIsConfirmed() {
        CalendarItem sparse = new CalendarItem("ev-sparse", null, null, null, at(0), null, null, false, null, null, null, null, null);

        projection.on(calendarPage(GOOGLE, SYNC_1, List.of(sparse), List.of()), FETCHED);

        CalendarItemView view = find(GOOGLE, "ev-sparse").orElseThrow();
        assertThat(view.endsAt()).isEqualTo(at(0));
        assertThat(view.status()).isEqualTo(CalendarItemStatus.CONFIRMED);
        assertThat(view.attendees()).isEmpty();
        assertThat(view.recurrence()).isEmpty();
        assertThat(view.organizer()).isNull();
    }

    private Optional<CalendarItemView> find(String accountId, String externalId) {
        String id = CalendarEventsProjection.idOf(accountId, externalId).toString();
        return queries.handle(new FindCalendarItemsQuery(WORKSPACE, OWNER, accountId, T0.minus(Duration.ofDays(30)),
                        T0.plus(Duration.ofDays(30)))).stream()
                .filter(view -> view.id().equals(id))
                .findFirst();
    }

    private List<String> externalIds(String accountId) {
        return database.jdbc().sql("SELECT external_id FROM calendar_events WHERE account_id = :accountId ORDER BY external_id")
                .param("accountId", accountId)
                .query(String.class)
                .list();
    }

    private String lastSeenSync(String accountId, String externalId) {
        return database.jdbc().sql("SELECT last_seen_sync FROM calendar_events WHERE account_id = :a AND external_id = :e")
                .param("a", accountId).param("e", externalId)
                .query(String.class).single();
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
