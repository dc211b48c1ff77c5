package dev.syncline.emulator.gcalendar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.syncline.emulator.gcalendar.CalendarApiClient.json;
import static dev.syncline.emulator.gcalendar.RunningCalendarEmulator.ADA;
import static org.assertj.core.api.Assertions.assertThat;

class GoogleCalendarControlRoutesTest {

    private static final String ADA_CALENDAR = "/_emulator/google/mailboxes/" + ADA + "/calendar";

    @RegisterExtension
    final RunningCalendarEmulator emulator = new RunningCalendarEmulator();

    @Test
    void seedingOverHttpFillsTheCalendarTheApiLists() {
        HttpResponse<String> seeded = control("POST", "/seed", "{\"seed\":3,\"calendarItems\":25}");

        assertThat(seeded.statusCode()).isEqualTo(201);
        assertThat(json(seeded).get("ids")).hasSize(25);
        assertThat(emulator.api().listAll(Map.of()).items()).hasSize(emulator.calendar().snapshot(ADA).size());
    }

    @Test
    void itemsAreAddedMovedAndCancelledOverHttp() {
        String id = json(control("POST", "/items", "{\"title\":\"Standup\",\"start\":\"2026-03-02T10:00\","
                + "\"durationMinutes\":30,\"timeZone\":\"Europe/Berlin\"}")).get("id").asText();

        int moved = control("PATCH", "/items/" + id, "{\"title\":\"Late standup\",\"start\":\"2026-03-02T16:00\"}")
                .statusCode();
        CalendarSnapshotItem item = emulator.calendar().snapshot(ADA).get(0);
        int cancelled = control("DELETE", "/items/" + id, null).statusCode();

        assertThat(moved).isEqualTo(204);
        assertThat(item.title()).isEqualTo("Late standup");
        assertThat(item.startsAt()).isEqualTo(Instant.parse("2026-03-02T15:00:00Z"));
        assertThat(item.endsAt()).isEqualTo(Instant.parse("2026-03-02T15:30:00Z"));
        assertThat(cancelled).isEqualTo(204);
        assertThat(emulator.calendar().snapshot(ADA)).isEmpty();
    }

    @Test
    void theSnapshotRouteListsWhatTheCalendarShows() {
        emulator.seedAda(20);

        JsonNode snapshot = json(control("GET", "/snapshot", null));

        assertThat(snapshot).hasSize(emulator.calendar().snapshot(ADA).size());
        assertThat(snapshot.get(0).get("id").asText()).isEqualTo(emulator.calendar().snapshot(ADA).get(0).id());
        assertThat(snapshot.get(0).get("cancelled").asBoolean()).isFalse();
    }

    @Test
    void throttlingFaultsLatencyAndCountersAreControlledOverHttp() {
        JsonNode quota = json(control("PUT", "/throttling",
                "{\"enabled\":true,\"requestsPerWindow\":1,\"windowSeconds\":30,\"answer\":\"429\"}"));
        int injected = control("POST", "/faults", "{\"status\":500,\"times\":1}").statusCode();
        int latency = control("PUT", "/latency", "{\"millis\":0}").statusCode();

        int first = emulator.api().listEvents(Map.of()).statusCode();
        int second = emulator.api().listEvents(Map.of()).statusCode();
        JsonNode counters = json(control("GET", "/counters", null));

        assertThat(quota.get("requestsPerWindow").asInt()).isEqualTo(1);
        assertThat(injected).isEqualTo(201);
        assertThat(latency).isEqualTo(200);
        assertThat(first).isEqualTo(500);
        assertThat(second).isEqualTo(429);
        assertThat(counters.get("requests").asLong()).isEqualTo(2);
        assertThat(counters.get("throttled").asLong()).isEqualTo(1);
    }

    @Test
    void expiringCursorsOverHttpMakesTheSyncTokenAnswer410() {
        emulator.seedAda(5);
        String syncToken = emulator.api().listAll(Map.of()).nextSyncToken();

        int expired = control("POST", "/expire-cursors", null).statusCode();

        assertThat(expired).isEqualTo(204);
        assertThat(emulator.api().listEvents(Map.of("syncToken", syncToken)).statusCode()).isEqualTo(410);
    }

    @Test
    void throttlingForEveryoneIsOneSwitch() {
        HttpResponse<String> response = emulator.api().control("PUT", "/_emulator/google/calendar/throttling",
                "{\"enabled\":true,\"requestsPerWindow\":2,\"windowSeconds\":10}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(emulator.calendar().quota(ADA)).isEqualTo(
                CalendarQuota.GOOGLE_DEFAULT.limitedTo(2, Duration.ofSeconds(10)));
    }

    @Test
    void unknownUsersAndItemsAnswer404AndBadBodies400() {
        HttpResponse<String> unknownUser = emulator.api().control("GET",
                "/_emulator/google/mailboxes/nobody@gmail.example/calendar/snapshot", null);
        HttpResponse<String> unknownItem = control("DELETE", "/items/doesnotexist", null);
        HttpResponse<String> badFault = control("POST", "/faults", "{\"status\":418}");

        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(unknownUser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(unknownItem.statusCode()).isEqualTo(404);
        assertThat(badFault.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> control(String method, String path, String body) {
        return emulator.api().control(method, ADA_CALENDAR + path, body);
    }
}
