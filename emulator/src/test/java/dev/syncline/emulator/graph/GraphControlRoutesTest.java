package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class GraphControlRoutesTest {

    private static final String MAILBOX = "/_emulator/microsoft/mailboxes/" + USER;

    private GraphFixture graph;

    @BeforeEach
    void start() {
        graph = GraphFixture.start();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aMailboxIsSeededChangedAndReadBackOverHttp() {
        JsonNode seeded = json(graph.send("POST", MAILBOX + "/seed",
                "{\"seed\":3,\"messages\":40,\"folders\":2,\"calendarItems\":5,\"now\":\"2026-03-02T09:00:00Z\"}"));
        String added = json(graph.send("POST", MAILBOX + "/messages",
                "{\"folder\":\"Travel\",\"subject\":\"Tickets\",\"receivedAt\":\"2026-03-02T10:00:00Z\"}")).get("id").asText();
        String first = json(graph.send("GET", MAILBOX + "/messages", null)).get(0).get("id").asText();

        int patched = graph.send("PATCH", MAILBOX + "/messages/" + added, "{\"unread\":false,\"subject\":\"Train tickets\"}").statusCode();
        int moved = graph.send("POST", MAILBOX + "/messages/" + added + "/move", "{\"folder\":\"Archive\"}").statusCode();
        int deleted = graph.send("DELETE", MAILBOX + "/messages/" + first, null).statusCode();
        JsonNode snapshot = json(graph.send("GET", MAILBOX + "/messages", null));

        assertThat(seeded.get("messages").asInt()).isEqualTo(40);
        assertThat(seeded.get("calendarItems").asInt()).isEqualTo(5);
        assertThat(patched).isEqualTo(204);
        assertThat(moved).isEqualTo(204);
        assertThat(deleted).isEqualTo(204);
        assertThat(snapshot).hasSize(40);
        JsonNode tickets = findById(snapshot, added);
        assertThat(tickets.get("subject").asText()).isEqualTo("Train tickets");
        assertThat(tickets.get("labels").get(0).asText()).isEqualTo("Archive");
        assertThat(tickets.get("unread").asBoolean()).isFalse();
        assertThat(tickets.get("receivedAt").asText()).isEqualTo("2026-03-02T10:00:00Z");
    }

    @Test
    void calendarItemsAreAddedMovedAndDeletedOverHttp() {
        String id = json(graph.send("POST", MAILBOX + "/calendar/items",
                "{\"title\":\"Standup\",\"start\":\"2026-03-03T09:00:00\",\"durationMinutes\":15,\"timeZone\":\"Europe/Berlin\"}"))
                .get("id").asText();

        graph.send("PATCH", MAILBOX + "/calendar/items/" + id, "{\"title\":\"Late standup\",\"start\":\"2026-03-03T11:00:00\"}");
        JsonNode item = json(graph.send("GET", MAILBOX + "/calendar/items", null)).get(0);
        int deleted = graph.send("DELETE", MAILBOX + "/calendar/items/" + id, null).statusCode();

        assertThat(item.get("title").asText()).isEqualTo("Late standup");
        assertThat(item.get("startsAt").asText()).isEqualTo("2026-03-03T10:00:00Z");
        assertThat(item.get("endsAt").asText()).isEqualTo("2026-03-03T10:15:00Z");
        assertThat(deleted).isEqualTo(204);
        assertThat(json(graph.send("GET", MAILBOX + "/calendar/items", null))).isEmpty();
    }

    @Test
    void throttlingFaultsAndLatencyAreSetOverHttp() {
        JsonNode throttling = json(graph.send("PUT", "/_emulator/microsoft/throttling",
                "{\"enabled\":true,\"requestBudget\":50,\"budgetWindowSeconds\":30}"));
        int faults = graph.send("POST", MAILBOX + "/faults", "{\"status\":500,\"times\":1}").statusCode();
        int latency = graph.send("PUT", MAILBOX + "/latency", "{\"millis\":5}").statusCode();

        HttpResponse<String> failed = graph.get("/v1.0/me/mailFolders");
        HttpResponse<String> served = graph.get("/v1.0/me/mailFolders");

        assertThat(throttling.get("enabled").asBoolean()).isTrue();
        assertThat(graph.mail.throttling().requestBudget()).isEqualTo(50);
        assertThat(graph.mail.throttling().budgetWindow()).isEqualTo(Duration.ofSeconds(30));
        assertThat(faults).isEqualTo(201);
        assertThat(latency).isEqualTo(200);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(json(failed).get("error").get("code").asText()).isEqualTo("generalException");
        assertThat(served.statusCode()).isEqualTo(200);
    }

    @Test
    void unknownIdsAndBadInputAreProblems() {
        assertThat(graph.send("DELETE", MAILBOX + "/messages/AAkALgAAnothing", null).statusCode()).isEqualTo(404);
        assertThat(graph.send("POST", MAILBOX + "/faults", "{\"status\":418}").statusCode()).isEqualTo(400);
        assertThat(graph.send("PATCH", MAILBOX + "/messages/x", "{}").statusCode()).isEqualTo(400);
    }

    @Test
    void resetForgetsMailboxesAndSwitchesThrottlingOff() {
        graph.seed(20, 0, 2);
        graph.mail.setThrottling(true);

        graph.send("POST", "/_emulator/reset", null);

        assertThat(graph.mail.snapshot(USER)).isEmpty();
        assertThat(graph.calendar.snapshot(USER)).isEmpty();
        assertThat(graph.mail.throttling().enabled()).isFalse();
    }

    private static JsonNode findById(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("No item " + id);
    }
}
