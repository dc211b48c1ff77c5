package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class GraphBatchTest {

    private GraphFixture graph;
    private List<MailSnapshotItem> withAttachments;

    @BeforeEach
    void start() {
        graph = GraphFixture.start();
        graph.seed(200, 1, 0);
        withAttachments = graph.mail.snapshot(USER).stream().filter(m -> !m.attachmentNames().isEmpty()).toList();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aBatchAnswersEveryStepInTheOrderAsked() {
        String body = batch(step("a", "/me/messages/" + withAttachments.get(0).id() + "/attachments?%24select=name"),
                step("b", "/me/mailFolders"),
                step("c", "/me/messages/" + withAttachments.get(1).id() + "/attachments"));

        HttpResponse<String> response = graph.postJson("/v1.0/$batch", body, graph.token);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode responses = json(response).get("responses");
        assertThat(responses).extracting(r -> r.get("id").asText()).containsExactly("a", "b", "c");
        assertThat(responses).extracting(r -> r.get("status").asInt()).containsOnly(200);
        assertThat(responses.get(0).get("body").get("value")).hasSize(withAttachments.get(0).attachmentNames().size());
        assertThat(responses.get(0).get("headers").get("Content-Type").asText()).startsWith("application/json");
        assertThat(responses.get(1).get("body").get("value").get(0).get("displayName").asText()).isEqualTo("Inbox");
    }

    @Test
    void twentyStepsAreAcceptedAndTwentyOneAreNot() {
        String twenty = batch(IntStream.rangeClosed(1, 20).mapToObj(i -> step("s" + i, "/me/mailFolders")).toArray(String[]::new));
        String twentyOne = batch(IntStream.rangeClosed(1, 21).mapToObj(i -> step("s" + i, "/me/mailFolders")).toArray(String[]::new));

        HttpResponse<String> accepted = graph.postJson("/v1.0/$batch", twenty, graph.token);
        HttpResponse<String> refused = graph.postJson("/v1.0/$batch", twentyOne, graph.token);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(json(accepted).get("responses")).hasSize(20);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get("error").get("code").asText()).isEqualTo("BadRequest");
    }

    @Test
    void eachStepIsAuthenticatedOnItsOwn() {
        String body = batch(step("mine", "/me/mailFolders"),
                "{\"id\":\"forged\",\"method\":\"GET\",\"url\":\"/me/mailFolders\",\"headers\":{\"Authorization\":\"Bearer EwAforged\"}}");

        JsonNode responses = json(graph.postJson("/v1.0/$batch", body, graph.token)).get("responses");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(200);
        assertThat(responses.get(1).get("status").asInt()).isEqualTo(401);
        assertThat(responses.get(1).get("body").get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void aBatchWithoutATokenAnswers401() {
        HttpResponse<String> response = graph.postJson("/v1.0/$batch", batch(step("a", "/me/mailFolders")), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("InvalidAuthenticationToken");
    }

    @Test
    void stepsCountAsRequestsAndTheEnvelopeAsABatch() {
        graph.mail.resetCounters(USER);

        graph.postJson("/v1.0/$batch", batch(step("a", "/me/mailFolders"), step("b", "/me/mailFolders"),
                step("c", "/me/mailFolders")), graph.token);

        GraphMailboxCounters counters = graph.mail.counters(USER);
        assertThat(counters.requests()).isEqualTo(3);
        assertThat(counters.batches()).isEqualTo(1);
    }

    @Test
    void stepsRunAtMostFourAtOnce() {
        graph.mail.setLatency(USER, Duration.ofMillis(150));
        graph.mail.resetCounters(USER);

        HttpResponse<String> response = graph.postJson("/v1.0/$batch", batch(IntStream.rangeClosed(1, 12)
                .mapToObj(i -> step("s" + i, "/me/mailFolders")).toArray(String[]::new)), graph.token);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(graph.mail.counters(USER).maxConcurrentRequests()).isBetween(2, 4);
    }

    @Test
    void aStepForAnUnknownMessageAnswers404InsideASuccessfulBatch() {
        JsonNode responses = json(graph.postJson("/v1.0/$batch",
                batch(step("gone", "/me/messages/AAkALgAAnope/attachments")), graph.token)).get("responses");

        assertThat(responses.get(0).get("status").asInt()).isEqualTo(404);
        assertThat(responses.get(0).get("body").get("error").get("code").asText()).isEqualTo("ErrorItemNotFound");
    }

    private static String step(String id, String url) {
        return "{\"id\":\"" + id + "\",\"method\":\"GET\",\"url\":\"" + url + "\"}";
    }

    private static String batch(String... steps) {
        List<String> all = new ArrayList<>(List.of(steps));
        return "{\"requests\":[" + all.stream().collect(Collectors.joining(",")) + "]}";
    }
}
