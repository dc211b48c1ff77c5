package dev.syncline.query.calendar;

import static dev.syncline.query.sealed.ContentEvents.OWNER;
import static dev.syncline.query.sealed.ContentEvents.WORKSPACE;
import static dev.syncline.query.sealed.ContentEvents.allDay;
import static dev.syncline.query.sealed.ContentEvents.calendarPage;
import static dev.syncline.query.sealed.ContentEvents.item;
import static dev.syncline.query.sealed.ContentEvents.series;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.CalendarItemView;
import dev.syncline.messages.sync.FindCalendarItemsQuery;
import dev.syncline.query.sealed.ContentDatabase;
import dev.syncline.query.sealed.PlainJsonSealedContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalendarItemQueryHandlerTest {

    private static final String GOOGLE = "acc-google";
    private static final String MICROSOFT = "acc-microsoft";
    private static final String SYNC = "sync-1";
    private static final Instant FETCHED = Instant.parse("2026-03-01T08:00:00Z");
    /** The window of most tests: Tuesday 10 March 2026, 09:00 to 17:00 UTC. */
    private static final Instant FROM = Instant.parse("2026-03-10T09:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-10T17:00:00Z");

    private ContentDatabase database;
    private CalendarEventsProjection projection;
    private CalendarItemQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = ContentDatabase.create("CalendarItemQueryHandlerTest");
        projection = new CalendarEventsProjection(database.dataSource(), new PlainJsonSealedContent());
        queries = new CalendarItemQueryHandler(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        database.jdbc().sql("TRUNCATE calendar_events").update();
    }

    @Test
    void itemsOverlappingTheWindowAreListedByStart() {
        store(GOOGLE,
                item("ends-before", hour(7), hour(8)),
                item("ends-at-from", hour(8), hour(9)),
                item("straddles-from", hour(8), hour(10)),
                item("inside", hour(12), hour(13)),
                item("straddles-to", hour(16), hour(18)),
                item("starts-at-to", hour(17), hour(18)),
                item("starts-after", hour(18), hour(19)),
                item("covers-window", hour(0), hour(24)));

        assertThat(externalIds(window(FROM, TO)))
                .containsExactly("covers-window", "straddles-from", "inside", "straddles-to");
    }

    @Test
    void anItemThatLastsNoTimeIsListedWhenItStartsInTheWindow() {
        store(GOOGLE, item("reminder-at-from", FROM, FROM), item("reminder-inside", hour(12), hour(12)),
                item("reminder-at-to", TO, TO));

        assertThat(externalIds(window(FROM, TO))).containsExactly("reminder-at-from", "reminder-inside");
    }

    @Test
    void anAllDayItemCoversItsDaysInUtc() {
        Instant march10 = Instant.parse("2026-03-10T00:00:00Z");
        store(GOOGLE, allDay("holiday", march10, 1), allDay("trip", march10.minus(Duration.ofDays(2)), 2),
                allDay("conference", march10.minus(Duration.ofDays(1)), 3));

        assertThat(externalIds(window(FROM, TO))).containsExactly("conference", "holiday");
        assertThat(externalIds(window(march10.minus(Duration.ofDays(1)), march10))).containsExactly("trip", "conference");
        CalendarItemView holiday = queries.handle(window(FROM, TO)).get(1);
        assertThat(holiday.allDay()).isTrue();
        assertThat(holiday.startsAt()).isEqualTo(march10);
        assertThat(holiday.endsAt()).isEqualTo(march10.plus(Duration.ofDays(1)));
    }

    @Test
    void aRecurringSeriesThatStartedBeforeTheWindowIsListedWithItsRecurrence() {
        Instant firstMonday = Instant.parse("2026-01-05T09:00:00Z");
        store(GOOGLE,
                series("weekly", firstMonday, firstMonday.plus(Duration.ofMinutes(30)), "RRULE:FREQ=WEEKLY;BYDAY=TU"),
                series("starts-later", TO.plus(Duration.ofDays(1)), TO.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)),
                        "RRULE:FREQ=DAILY"),
                item("single-in-january", firstMonday, firstMonday.plus(Duration.ofMinutes(30))));

        List<CalendarItemView> items = queries.handle(window(FROM, TO));

        assertThat(items).extracting(CalendarItemView::externalId).containsExactly("weekly");
        assertThat(items.get(0).recurrence()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=TU");
        assertThat(items.get(0).startsAt()).isEqualTo(firstMonday);
    }

    @Test
    void aCancelledOccurrenceIsListedWithItsStatus() {
        CalendarItem cancelled = new CalendarItem("weekly_20260310", "Weekly", null, null, hour(10), hour(11), "UTC", false,
                List.of(), "weekly", null, List.of(), CalendarItemStatus.CANCELLED);
        store(GOOGLE, cancelled);

        assertThat(queries.handle(window(FROM, TO))).singleElement().satisfies(view -> {
            assertThat(view.status()).isEqualTo(CalendarItemStatus.CANCELLED);
            assertThat(view.seriesId()).isEqualTo("weekly");
        });
    }

    @Test
    void anItemWithoutStartIsInNoWindow() {
        store(GOOGLE, new CalendarItem("no-start", null, null, null, null, null, null, false, List.of("RRULE:FREQ=DAILY"), null,
                null, List.of(), CalendarItemStatus.CANCELLED));

        assertThat(queries.handle(window(Instant.EPOCH, TO.plus(Duration.ofDays(365))))).isEmpty();
        assertThat(database.count("calendar_events")).isEqualTo(1);
    }

    @Test
    void theAccountFilterKeepsThatAccountsItems() {
        store(GOOGLE, item("google-item", hour(10), hour(11)));
        store(MICROSOFT, item("microsoft-item", hour(12), hour(13)));

        assertThat(externalIds(new FindCalendarItemsQuery(WORKSPACE, OWNER, MICROSOFT, FROM, TO))).containsExactly("microsoft-item");
        assertThat(externalIds(window(FROM, TO))).containsExactly("google-item", "microsoft-item");
    }

    @Test
    void anotherOwnersItemsAreInvisible() {
        store(GOOGLE, item("mine", hour(10), hour(11)));
        projection.on(calendarPage(WORKSPACE, "user-bob", "acc-bob", SYNC, List.of(item("bobs", hour(10), hour(11))), List.of()),
                FETCHED);
        projection.on(calendarPage("ws-2", OWNER, "acc-elsewhere", SYNC, List.of(item("elsewhere", hour(10), hour(11))), List.of()),
                FETCHED);

        assertThat(externalIds(window(FROM, TO))).containsExactly("mine");
        assertThat(externalIds(new FindCalendarItemsQuery(WORKSPACE, OWNER, "acc-bob", FROM, TO))).isEmpty();
    }

    @Test
    void aWindowMustEndAfterItStarts() {
        assertThatThrownBy(() -> window(TO, FROM)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> window(FROM, FROM)).isInstanceOf(IllegalArgumentException.class);
    }

    private void store(String accountId, CalendarItem... items) {
        projection.on(calendarPage(accountId, SYNC, List.of(items), List.of()), FETCHED);
    }

    private List<String> externalIds(FindCalendarItemsQuery query) {
        return queries.handle(query).stream().map(CalendarItemView::externalId).toList();
    }

    private static FindCalendarItemsQuery window(Instant from, Instant to) {
        return new FindCalendarItemsQuery(WORKSPACE, OWNER, null, from, to);
    }

    /** The given hour (UTC) of 10 March 2026. */
    private static Instant hour(int hour) {
        return Instant.parse("2026-03-10T00:00:00Z").plus(Duration.ofHours(hour));
    }
}
