package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.EmulatedProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailAuthenticationTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void aCallWithoutTokenAnswers401InGooglesErrorShape() {
        HttpResponse<String> response = gmail.get(API + "/profile", null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(401);
        assertThat(error.get("status").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(error.at("/errors/0/reason").asText()).isEqualTo("authError");
        assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
    }

    @Test
    void anExpiredTokenAnswers401() {
        gmail.server().control().expireAccessTokens(EmulatedProvider.GOOGLE, EMAIL);

        assertThat(gmail.get(API + "/messages").statusCode()).isEqualTo(401);
    }

    @Test
    void anUnknownTokenAnswers401() {
        assertThat(gmail.get(API + "/profile", "ya29.never-issued").statusCode()).isEqualTo(401);
    }

    @Test
    void theTokenNamesTheMailbox() {
        assertThat(gmail.getJson(API + "/profile").get("emailAddress").asText()).isEqualTo(EMAIL);
        assertThat(gmail.getJson("/gmail/v1/users/" + EMAIL + "/profile").get("emailAddress").asText()).isEqualTo(EMAIL);
    }

    @Test
    void anotherUsersMailboxIsNotReachable() {
        HttpResponse<String> response = gmail.get("/gmail/v1/users/grace@gmail.example/profile");

        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void unauthenticatedCallsAreNotChargedToAnyMailbox() {
        gmail.get(API + "/profile", null);

        assertThat(gmail.emulator().counters(EMAIL).requests()).isZero();
    }
}
