package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.EmulatedProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

class GraphAuthenticationTest {

    private GraphFixture graph;

    @BeforeEach
    void start() {
        graph = GraphFixture.start();
        graph.seed(10, 0, 3);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aRequestWithoutATokenAnswers401InGraphsErrorShape() {
        HttpResponse<String> response = graph.getWithToken("/v1.0/me/mailFolders/inbox/messages/delta()", null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response).get("error");
        assertThat(error.get("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(error.get("message").asText()).isEqualTo("Access token is empty.");
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer ");
    }

    @Test
    void anExpiredTokenAnswers401AndIsNotCountedAgainstTheMailbox() {
        graph.server.control().expireAccessTokens(EmulatedProvider.MICROSOFT, USER);

        HttpResponse<String> response = graph.get("/v1.0/me/calendar/events/delta()");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").get("message").asText()).isEqualTo("Access token has expired or is not yet valid.");
        assertThat(graph.mail.counters(USER).requests()).isZero();
    }
}
