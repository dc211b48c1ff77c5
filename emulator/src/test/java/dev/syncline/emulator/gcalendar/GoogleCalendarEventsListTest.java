package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.syncline.emulator.gcalendar.CalendarApiClient.json;
import static dev.syncline.emulator.gcalendar.CalendarApiClient.reason;
import static dev.syncline.emulator.gcalendar.RunningCalendarEmulator.ADA;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarEventsListTest {

    @RegisterExtension
    final RunningCalendarEmulator emulator = new RunningCalendarEmulator();

    @Test
    void fullListingPagesThroughExactlyTheItemsTheCalendarShows() {
        emulator.seedAda(120);
        List<CalendarSnapshotItem> snapshot = emulator.calendar().snapshot(ADA);

        CalendarApiClient.Listing listing = emulator.api().listAll(Map.of("maxResults", "25"));

        assertThat(listing.ids()).containsExactlyElementsOf(snapshot.stream().map(CalendarSnapshotItem::id).toList());
        assertThat(listing.pages()).isEqualTo((snapshot.size() + 24) / 25);
        assertThat(listing.items()).allSatisfy(item -> assertThat(item.get("status").asText()).isNotEqualTo("cancelled"));
    }

    @Test
    void pagesHoldAtMostMaxResultsItems() {
        emulator.seedAda(30);

        JsonNode first = json(emulator.api().listEvents(Map.of("maxResults", "7")));

        assertThat(first.get("items")).hasSize(7);
        assertThat(first.has("nextPageToken")).isTrue();
        assertThat(first.has("nextSyncToken")).isFalse();
    }

    @Test
    void generatedCancelledItemsAppearOnlyWithShowDeleted() {
        List<String> ids = emulator.seedAda(120);
        int listed = emulator.calendar().snapshot(ADA).size();

        CalendarApiClient.Listing withoutDeleted = emulator.api().listAll(Map.of());
        CalendarApiClient.Listing withDeleted = emulator.api().listAll(Map.of("showDeleted", "true"));

        assertThat(listed).isLessThan(ids.size());
        assertThat(withoutDeleted.items()).hasSize(listed);
        assertThat(withDeleted.ids()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(withDeleted.items().stream().filter(item -> item.get("status").asText().equals("cancelled")))
                .hasSize(ids.size() - listed);
    }

    @Test
    void timedItemsCarryAnOffsetDateTimeAndTheirZone() {
        emulator.seedAda(60);
        Map<String, CalendarSnapshotItem> snapshot = snapshotById();

        JsonNode timed = emulator.api().listAll(Map.of()).items().stream()
                .filter(item -> item.get("start").has("dateTime")).findFirst().orElseThrow();

        String dateTime = timed.get("start").get("dateTime").asText();
        assertThat(dateTime).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d)");
        assertThat(timed.get("start").get("timeZone").asText()).isNotBlank();
        CalendarSnapshotItem held = snapshot.get(timed.get("id").asText());
        assertThat(OffsetDateTime.parse(dateTime).toInstant()).isEqualTo(held.startsAt());
        assertThat(OffsetDateTime.parse(timed.get("end").get("dateTime").asText()).toInstant()).isEqualTo(held.endsAt());
    }

    @Test
    void allDayItemsCarryDatesWithAnExclusiveEnd() {
        emulator.seedAda(60);
        Map<String, CalendarSnapshotItem> snapshot = snapshotById();

        JsonNode allDay = emulator.api().listAll(Map.of()).items().stream()
                .filter(item -> item.get("start").has("date")).findFirst().orElseThrow();

        CalendarSnapshotItem held = snapshot.get(allDay.get("id").asText());
        assertThat(held.allDay()).isTrue();
        assertThat(allDay.get("start").has("dateTime")).isFalse();
        assertThat(midnightUtc(allDay.get("start").get("date").asText())).isEqualTo(held.startsAt());
        assertThat(midnightUtc(allDay.get("end").get("date").asText())).isEqualTo(held.endsAt());
    }

    @Test
    void recurringItemsAreListedAsSeriesWithTheirRule() {
        emulator.seedAda(60);
        Map<String, CalendarSnapshotItem> snapshot = snapshotById();

        List<JsonNode> series = emulator.api().listAll(Map.of()).items().stream()
                .filter(item -> item.has("recurrence")).toList();

        assertThat(series).isNotEmpty().allSatisfy(item -> {
            assertThat(item.get("recurrence")).hasSize(1);
            assertThat(item.get("recurrence").get(0).asText())
                    .startsWith("RRULE:")
                    .isEqualTo(snapshot.get(item.get("id").asText()).recurrence());
        });
    }

    @Test
    void itemsNameTheirOrganizerAttendeesAndTheirAnswers() {
        emulator.seedAda(60);

        JsonNode meeting = emulator.api().listAll(Map.of()).items().stream()
                .filter(item -> item.has("attendees")).findFirst().orElseThrow();

        assertThat(meeting.get("organizer").get("email").asText()).contains("@");
        assertThat(meeting.get("attendees")).allSatisfy(attendee -> {
            assertThat(attendee.get("email").asText()).contains("@");
            assertThat(attendee.get("responseStatus").asText()).isIn("accepted", "declined", "tentative", "needsAction");
        });
        assertThat(meeting.get("iCalUID").asText()).isEqualTo(meeting.get("id").asText() + "@google.com");
        assertThat(meeting.get("etag").asText()).startsWith("\"").endsWith("\"");
    }

    @Test
    void theUsersEmailNamesThePrimaryCalendarToo() {
        emulator.seedAda(10);

        HttpResponse<String> byEmail = emulator.api().get("/calendar/v3/calendars/" + ADA + "/events", Map.of(),
                token());
        HttpResponse<String> otherCalendar = emulator.api().get("/calendar/v3/calendars/team@gmail.example/events",
                Map.of(), token());

        assertThat(byEmail.statusCode()).isEqualTo(200);
        assertThat(json(byEmail).get("items")).hasSize(emulator.calendar().snapshot(ADA).size());
        assertThat(otherCalendar.statusCode()).isEqualTo(404);
        assertThat(reason(otherCalendar)).isEqualTo("notFound");
    }

    @Test
    void timeBoundsLimitAFullListing() {
        emulator.seedAda(120);
        Instant from = RunningCalendarEmulator.NOW;
        Instant to = from.plus(Duration.ofDays(7));

        CalendarApiClient.Listing listing = emulator.api().listAll(Map.of(
                "timeMin", from.toString(), "timeMax", "2026-03-08T10:00:00+01:00"));

        List<CalendarSnapshotItem> expected = emulator.calendar().snapshot(ADA).stream()
                .filter(item -> item.startsAt().isBefore(to)
                        && (item.recurrence() != null || item.endsAt().isAfter(from)))
                .toList();
        assertThat(listing.ids()).containsExactlyElementsOf(expected.stream().map(CalendarSnapshotItem::id).toList());
        assertThat(expected).isNotEmpty().hasSizeLessThan(emulator.calendar().snapshot(ADA).size());
    }

    @Test
    void timeMinTogetherWithASyncTokenIsRefused() {
        emulator.seedAda(10);
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();

        HttpResponse<String> response = emulator.api().listEvents(Map.of("syncToken", syncToken,
                "timeMin", "2026-03-01T00:00:00Z"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reason(response)).isEqualTo("invalid");
    }

    @Test
    void expandedOccurrencesAreNotSupportedByTheEmulator() {
        HttpResponse<String> response = emulator.api().listEvents(Map.of("singleEvents", "true"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").get("message").asText()).contains("not supported by the emulator");
    }

    @Test
    void maxResultsAboveTheCapIsCappedAndBelowOneIsRefused() {
        emulator.seedAda(10);

        assertThat(emulator.api().listEvents(Map.of("maxResults", "100000")).statusCode()).isEqualTo(200);
        assertThat(emulator.api().listEvents(Map.of("maxResults", "0")).statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedPageTokenIsABadRequest() {
        HttpResponse<String> response = emulator.api().listEvents(Map.of("pageToken", "not-a-token"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(reason(response)).isEqualTo("invalid");
    }

    private Map<String, CalendarSnapshotItem> snapshotById() {
        return emulator.calendar().snapshot(ADA).stream()
                .collect(Collectors.toMap(CalendarSnapshotItem::id, Function.identity()));
    }

    private String token() {
        return emulator.server().control().issueAccessToken(EmulatedProvider.GOOGLE, ADA, Duration.ofHours(1));
    }

    private static Instant midnightUtc(String date) {
        return LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
