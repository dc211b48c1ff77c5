package dev.syncline.providers.gcalendar;

import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.model.Event;
import dev.syncline.messages.sync.AttendeeResponse;
import dev.syncline.messages.sync.CalendarAttendee;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemStatus;
import dev.syncline.messages.sync.EmailAddress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarItemMapperTest {

    private static final String CALENDAR_ZONE = "Europe/London";

    @Test
    void aTimedItemKeepsItsInstantsAndItsZone() throws IOException {
        CalendarItem item = map("""
                {"id":"abc123","status":"confirmed","summary":"Design review","description":"Slides","location":"Room 4",
                 "start":{"dateTime":"2026-03-29T10:00:00+02:00","timeZone":"Europe/Berlin"},
                 "end":{"dateTime":"2026-03-29T11:30:00+02:00","timeZone":"Europe/Berlin"}}
                """);

        assertThat(item.externalId()).isEqualTo("abc123");
        assertThat(item.title()).isEqualTo("Design review");
        assertThat(item.description()).isEqualTo("Slides");
        assertThat(item.location()).isEqualTo("Room 4");
        assertThat(item.startsAt()).isEqualTo(Instant.parse("2026-03-29T08:00:00Z"));
        assertThat(item.endsAt()).isEqualTo(Instant.parse("2026-03-29T09:30:00Z"));
        assertThat(item.timeZone()).isEqualTo("Europe/Berlin");
        assertThat(item.allDay()).isFalse();
        assertThat(item.status()).isEqualTo(CalendarItemStatus.CONFIRMED);
    }

    @Test
    void anOffsetWithoutZoneFallsBackToTheCalendarsZone() throws IOException {
        CalendarItem item = map("""
                {"id":"x","summary":"Call","start":{"dateTime":"2026-07-01T09:00:00-04:00"},
                 "end":{"dateTime":"2026-07-01T09:30:00-04:00"}}
                """);

        assertThat(item.startsAt()).isEqualTo(Instant.parse("2026-07-01T13:00:00Z"));
        assertThat(item.timeZone()).isEqualTo(CALENDAR_ZONE);
    }

    @Test
    void anAllDayItemRunsFromMidnightUtcOfItsFirstDayToMidnightUtcAfterItsLast() throws IOException {
        CalendarItem item = map("""
                {"id":"holiday","summary":"Holiday","start":{"date":"2026-03-02"},"end":{"date":"2026-03-05"}}
                """);

        assertThat(item.allDay()).isTrue();
        assertThat(item.startsAt()).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(item.endsAt()).isEqualTo(Instant.parse("2026-03-05T00:00:00Z"));
        assertThat(item.timeZone()).isEqualTo(CALENDAR_ZONE);
    }

    @Test
    void anAllDayItemIsNotShiftedByTheZoneOfTheJvm() throws IOException {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        try {
            CalendarItem item = map("""
                    {"id":"d","summary":"Day","start":{"date":"2026-12-31"},"end":{"date":"2027-01-01"}}
                    """);

            assertThat(item.startsAt()).isEqualTo(Instant.parse("2026-12-31T00:00:00Z"));
        } finally {
            TimeZone.setDefault(before);
        }
    }

    @Test
    void aSeriesKeepsItsRecurrenceLinesAndAnOccurrenceNamesItsSeries() throws IOException {
        CalendarItem series = map("""
                {"id":"weekly","summary":"Standup","recurrence":["RRULE:FREQ=WEEKLY;BYDAY=MO","EXDATE:20260309T090000Z"],
                 "start":{"dateTime":"2026-03-02T09:00:00Z","timeZone":"UTC"},"end":{"dateTime":"2026-03-02T09:15:00Z","timeZone":"UTC"}}
                """);
        CalendarItem moved = map("""
                {"id":"weekly_20260316T090000Z","recurringEventId":"weekly","summary":"Standup (moved)",
                 "start":{"dateTime":"2026-03-16T10:00:00Z","timeZone":"UTC"},"end":{"dateTime":"2026-03-16T10:15:00Z","timeZone":"UTC"}}
                """);

        assertThat(series.recurrence()).containsExactly("RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE:20260309T090000Z");
        assertThat(series.seriesId()).isNull();
        assertThat(moved.recurrence()).isEmpty();
        assertThat(moved.seriesId()).isEqualTo("weekly");
    }

    @Test
    void organizerAttendeesAndTheirAnswersAreMapped() throws IOException {
        CalendarItem item = map("""
                {"id":"m","summary":"Meeting","status":"tentative",
                 "start":{"dateTime":"2026-03-02T09:00:00Z"},"end":{"dateTime":"2026-03-02T10:00:00Z"},
                 "organizer":{"email":"grace@example.com","displayName":"Grace Hopper"},
                 "attendees":[{"email":"a@example.com","displayName":"A","responseStatus":"accepted"},
                              {"email":"b@example.com","responseStatus":"declined"},
                              {"email":"c@example.com","responseStatus":"tentative"},
                              {"email":"d@example.com","responseStatus":"needsAction"},
                              {"email":"e@example.com"}]}
                """);

        assertThat(item.status()).isEqualTo(CalendarItemStatus.TENTATIVE);
        assertThat(item.organizer()).isEqualTo(new EmailAddress("Grace Hopper", "grace@example.com"));
        assertThat(item.attendees()).containsExactly(
                new CalendarAttendee("a@example.com", "A", AttendeeResponse.ACCEPTED),
                new CalendarAttendee("b@example.com", null, AttendeeResponse.DECLINED),
                new CalendarAttendee("c@example.com", null, AttendeeResponse.TENTATIVE),
                new CalendarAttendee("d@example.com", null, AttendeeResponse.NEEDS_ACTION),
                new CalendarAttendee("e@example.com", null, AttendeeResponse.NEEDS_ACTION));
    }

    /** Parsed by the SDK's own JSON factory, as a page from Google would be. */
    private static CalendarItem map(String json) throws IOException {
        Event event = GsonFactory.getDefaultInstance().fromString(json, Event.class);
        return GoogleCalendarItemMapper.toItem(event, CALENDAR_ZONE);
    }
}
