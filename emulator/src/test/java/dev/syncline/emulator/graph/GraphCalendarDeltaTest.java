package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.deltaLink;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static dev.syncline.emulator.graph.GraphFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

class GraphCalendarDeltaTest {

    /** The path the Graph SDK sends for {@code me().calendar().events().delta()} without a window. */
    private static final String SDK_DELTA_PATH = "/v1.0/me/calendar/events/delta()?endDateTime=&startDateTime=";

    private GraphFixture graph;
    private List<GeneratedCalendarItem> generated;

    @BeforeEach
    void start() {
        graph = GraphFixture.start();
        generated = graph.seed(0, 0, 120).calendarItems();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void theCalendarDeltaListsEveryItemWithTimesInUtc() {
        List<JsonNode> pages = graph.allPages(SDK_DELTA_PATH, "Prefer", "odata.maxpagesize=25");

        Map<String, JsonNode> events = byId(values(pages));
        List<CalendarSnapshotItem> snapshot = graph.calendar.snapshot(USER);
        assertThat(pages).hasSize(5);
        assertThat(events).containsOnlyKeys(snapshot.stream().map(CalendarSnapshotItem::id).toList());
        for (CalendarSnapshotItem item : snapshot) {
            JsonNode event = events.get(item.id());
            assertThat(event.get("subject").asText()).isEqualTo(item.title());
            assertThat(event.get("isAllDay").asBoolean()).isEqualTo(item.allDay());
            assertThat(event.get("isCancelled").asBoolean()).isEqualTo(item.cancelled());
            assertThat(event.get("start").get("timeZone").asText()).isEqualTo("UTC");
            if (!item.allDay()) {
                assertThat(LocalDateTime.parse(event.get("start").get("dateTime").asText()).toInstant(ZoneOffset.UTC))
                        .isEqualTo(item.startsAt());
            }
            assertThat(event.get("type").asText()).isEqualTo(item.recurrence() == null ? "singleInstance" : "seriesMaster");
        }
    }

    @Test
    void seriesCancellationsAndAttendeesAreDescribedInGraphTerms() {
        Map<String, JsonNode> events = byId(values(graph.allPages(SDK_DELTA_PATH, "Prefer", "odata.maxpagesize=200")));

        assertThat(events.values()).anySatisfy(event -> {
            assertThat(event.path("recurrence").path("pattern").path("type").asText()).isEqualTo("weekly");
            assertThat(event.path("recurrence").path("pattern").path("daysOfWeek").path(0).asText()).isNotBlank();
            assertThat(event.path("recurrence").path("range").path("startDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        });
        assertThat(events.values()).anySatisfy(event -> assertThat(event.get("isCancelled").asBoolean()).isTrue());
        assertThat(events.values()).flatExtracting(event -> elements(event.get("attendees")))
                .extracting(attendee -> attendee.get("status").get("response").asText())
                .contains("accepted", "declined", "tentativelyAccepted", "notResponded")
                .doesNotContain("tentative", "needsAction");
        assertThat(events.values()).anySatisfy(event -> assertThat(event.get("originalStartTimeZone").asText())
                .isEqualTo("W. Europe Standard Time"));
    }

    @Test
    void theTimeZonePreferenceShowsTimesInThatZone() {
        GeneratedCalendarItem item = MailboxGenerator.calendarItem("tz", "Call", LocalDateTime.parse("2026-03-10T18:00:00"),
                Duration.ofHours(1), "Europe/Berlin");
        String id = graph.calendar.addItem(USER, item);

        JsonNode event = byId(values(graph.allPages(SDK_DELTA_PATH, "Prefer",
                "odata.maxpagesize=200, outlook.timezone=\"Pacific Standard Time\""))).get(id);

        assertThat(event.get("start").get("dateTime").asText()).isEqualTo("2026-03-10T10:00:00.0000000");
        assertThat(event.get("start").get("timeZone").asText()).isEqualTo("Pacific Standard Time");
    }

    @Test
    void aDeltaRoundBringsUpdatedAndAddedItemsWholeAndDeletedOnesAsRemoved() {
        String link = deltaLink(graph.allPages(SDK_DELTA_PATH, "Prefer", "odata.maxpagesize=200"));
        List<CalendarSnapshotItem> before = graph.calendar.snapshot(USER);
        String updated = before.get(0).id();
        String deleted = before.get(1).id();

        graph.calendar.updateItem(USER, updated, "Moved meeting", LocalDateTime.parse("2026-04-01T10:00:00"));
        graph.calendar.deleteItem(USER, deleted);
        String added = graph.calendar.addItem(USER, MailboxGenerator.calendarItem("new", "New meeting",
                LocalDateTime.parse("2026-04-02T09:30:00"), Duration.ofMinutes(45), "UTC"));
        Map<String, JsonNode> round = byId(values(graph.allPages(link)));

        assertThat(round).containsOnlyKeys(updated, deleted, added);
        assertThat(round.get(updated).get("subject").asText()).isEqualTo("Moved meeting");
        assertThat(round.get(deleted).get("@removed").get("reason").asText()).isEqualTo("deleted");
        assertThat(round.get(added).get("end").get("dateTime").asText()).isEqualTo("2026-04-02T10:15:00.0000000");
        assertThat(graph.calendar.snapshot(USER)).extracting(CalendarSnapshotItem::id).doesNotContain(deleted).contains(added);
    }

    @Test
    void anExpiredCalendarCursorAnswers410ResyncRequired() {
        String link = deltaLink(graph.allPages(SDK_DELTA_PATH));

        graph.calendar.expireCursors(USER);
        HttpResponse<String> response = graph.get(link);

        assertThat(response.statusCode()).isEqualTo(410);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("resyncRequired");
    }

    @Test
    void theSnapshotGivesAllDayItemsAsWholeUtcDaysAndSeriesAsRules() {
        List<CalendarSnapshotItem> snapshot = graph.calendar.snapshot(USER);

        assertThat(snapshot).filteredOn(CalendarSnapshotItem::allDay).isNotEmpty().allSatisfy(item -> {
            assertThat(item.startsAt().atOffset(ZoneOffset.UTC).toLocalTime()).isEqualTo("00:00");
            assertThat(Duration.between(item.startsAt(), item.endsAt()).toHours() % 24).isZero();
        });
        assertThat(snapshot).extracting(CalendarSnapshotItem::recurrence).filteredOn(rule -> rule != null)
                .isNotEmpty().allSatisfy(rule -> assertThat(generated).extracting(GeneratedCalendarItem::recurrence).contains(rule));
    }

    private static Map<String, JsonNode> byId(List<JsonNode> values) {
        return values.stream().collect(Collectors.toMap(v -> v.get("id").asText(), Function.identity()));
    }

    private static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> values = new ArrayList<>();
        array.forEach(values::add);
        return values;
    }
}
