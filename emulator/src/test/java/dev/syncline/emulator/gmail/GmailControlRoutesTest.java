package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailControlRoutesTest {

    private static final String MAIL = "/_emulator/google/mailboxes/" + EMAIL + "/mail";

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void aMailboxIsSeededAndChangedOverHttp() {
        HttpResponse<String> seeded = gmail.send("POST", MAIL + "/seed", "{\"seed\":3,\"messages\":40,\"folders\":2}");
        List<MailSnapshotItem> before = gmail.emulator().snapshot(EMAIL);
        String first = before.get(0).id();
        String second = before.get(1).id();
        String third = before.get(2).id();

        HttpResponse<String> added = gmail.send("POST", MAIL + "/messages",
                "{\"folder\":\"Projects\",\"subject\":\"Hello\",\"unread\":true}");
        HttpResponse<String> updated = gmail.send("PATCH", MAIL + "/messages/" + first, "{\"unread\":true,\"subject\":\"Renamed\"}");
        HttpResponse<String> moved = gmail.send("POST", MAIL + "/messages/" + second + "/move", "{\"folder\":\"Archive\"}");
        HttpResponse<String> deleted = gmail.send("DELETE", MAIL + "/messages/" + third, null);

        assertThat(seeded.statusCode()).isEqualTo(200);
        assertThat(json(seeded.body()).get("messages").asInt()).isEqualTo(40);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(List.of(updated.statusCode(), moved.statusCode(), deleted.statusCode())).containsOnly(204);
        String addedId = json(added.body()).get("id").asText();
        JsonNode snapshot = json(gmail.send("GET", MAIL + "/snapshot", null).body());
        assertThat(snapshot).hasSize(40);
        assertThat(item(snapshot, addedId).get("labels").toString()).contains("Label_1", "UNREAD");
        assertThat(item(snapshot, addedId).get("subject").asText()).isEqualTo("Hello");
        assertThat(item(snapshot, first).get("subject").asText()).isEqualTo("Renamed");
        assertThat(item(snapshot, first).get("unread").asBoolean()).isTrue();
        assertThat(item(snapshot, second).get("labels").toString()).doesNotContain("INBOX", "SENT", "Label_");
        assertThat(item(snapshot, third)).isNull();
    }

    @Test
    void anUnknownMessageIsA404Problem() {
        gmail.send("POST", MAIL + "/seed", "{\"messages\":3}");

        HttpResponse<String> response = gmail.send("DELETE", MAIL + "/messages/00000000000000ff", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void throttlingFaultsLatencyAndCountersAreControlledOverHttp() {
        gmail.send("POST", MAIL + "/seed", "{\"messages\":3}");

        JsonNode throttling = json(gmail.send("PUT", "/_emulator/google/mail/throttling",
                "{\"enabled\":true,\"retryAfterSeconds\":5}").body());
        HttpResponse<String> faults = gmail.send("POST", MAIL + "/faults", "{\"status\":500,\"times\":1}");
        HttpResponse<String> latency = gmail.send("PUT", MAIL + "/latency", "{\"millis\":10}");
        int failed = gmail.get(API + "/profile").statusCode();
        JsonNode counters = json(gmail.send("GET", MAIL + "/counters", null).body());

        assertThat(throttling.get("enabled").asBoolean()).isTrue();
        assertThat(throttling.get("unitsPerSecond").asInt()).isEqualTo(250);
        assertThat(throttling.get("retryAfterSeconds").asInt()).isEqualTo(5);
        assertThat(faults.statusCode()).isEqualTo(201);
        assertThat(latency.statusCode()).isEqualTo(200);
        assertThat(failed).isEqualTo(500);
        assertThat(counters.get("requests").asInt()).isEqualTo(1);
        assertThat(counters.has("requestsDuringRetryAfter")).isTrue();
    }

    @Test
    void cursorsExpireOverHttp() {
        gmail.send("POST", MAIL + "/seed", "{\"messages\":3}");
        String start = gmail.getJson(API + "/profile").get("historyId").asText();

        HttpResponse<String> expired = gmail.send("POST", MAIL + "/expire-cursors", null);

        assertThat(expired.statusCode()).isEqualTo(204);
        assertThat(gmail.get(API + "/history?startHistoryId=" + start).statusCode()).isEqualTo(404);
    }

    private static JsonNode item(JsonNode snapshot, String id) {
        for (JsonNode item : snapshot) {
            if (item.get("id").asText().equals(id)) {
                return item;
            }
        }
        return null;
    }
}
