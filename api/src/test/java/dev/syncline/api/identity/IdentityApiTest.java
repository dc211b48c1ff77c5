package dev.syncline.api.identity;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.security.JwtSigningKeys;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdentityApiTest extends ApiIntegrationTest {

    private static final String REGISTER = "/api/v1/auth/register";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String ME = "/api/v1/auth/me";
    private static final String PASSWORD = "a long and memorable passphrase";
    private static final String PROBLEMS = "https://syncline.dev/problems/";

    @Autowired
    JwtService jwtService;

    @Autowired
    JwtSigningKeys signingKeys;

    @Test
    void registeredPersonLogsInAndSeesThemselves() {
        String email = uniqueEmail("ada");

        ApiClient.Response registered = api().post(REGISTER, body("email", email, "password", PASSWORD, "displayName", "Ada Lovelace"));
        ApiClient.Response login = api().post(LOGIN, body("email", email, "password", PASSWORD));
        ApiClient.Response me = api().as(login.json().path("accessToken").asText()).get(ME);

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.header("Location")).isEqualTo(ME);
        JsonNode user = registered.json();
        assertThat(user.path("id").asText()).isNotBlank();
        assertThat(user.path("workspaceId").asText()).isNotBlank();
        assertThat(user.path("email").asText()).isEqualTo(email);
        assertThat(user.path("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(user.path("roles").toString()).isEqualTo("[\"USER\"]");
        assertThat(registered.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");

        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(login.json().path("expiresIn").asLong()).isEqualTo(900);
        assertThat(login.header("Cache-Control")).contains("no-store");

        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json()).isEqualTo(user);
    }

    @Test
    void emailIsStoredLowerCasedAndLogsInWhateverItsCase() {
        String email = uniqueEmail("Grace.Hopper");

        ApiClient.Response registered = api().post(REGISTER, body("email", "  " + email.toUpperCase() + " ", "password", PASSWORD));
        ApiClient.Response login = api().post(LOGIN, body("email", email.toUpperCase(), "password", PASSWORD));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        assertThat(registered.json().path("email").asText()).isEqualTo(email.toLowerCase());
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
    }

    @Test
    void everyRegistrationGetsItsOwnWorkspace() {
        JsonNode first = register(uniqueEmail("first"));
        JsonNode second = register(uniqueEmail("second"));

        assertThat(first.path("workspaceId")).isNotEqualTo(second.path("workspaceId"));
    }

    @Test
    void registeringAnEmailTwiceIsAConflictWhateverItsCase() {
        String email = uniqueEmail("twice");
        register(email);

        ApiClient.Response again = api().post(REGISTER, body("email", email.toUpperCase(), "password", PASSWORD + " again"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().path("type").asText()).isEqualTo(PROBLEMS + "email-taken");
        assertThat(again.json().path("status").asInt()).isEqualTo(409);
        assertThat(again.json().path("instance").asText()).isEqualTo(REGISTER);
        assertThat(again.body()).doesNotContain(PASSWORD);
    }

    @Test
    void malformedRegistrationListsEveryInvalidFieldWithoutEchoingThePassword() {
        String weakPassword = "short-secret";
        ApiClient.Response answer = api().post(REGISTER,
                body("email", "not-an-email", "password", weakPassword.substring(0, 8), "displayName", "x".repeat(101)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem.path("type").asText()).isEqualTo(PROBLEMS + "validation-failed");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(fields(problem)).containsExactlyInAnyOrder("displayName", "email", "password");
        assertThat(answer.body()).doesNotContain("short-se").doesNotContain("xxxxxxxxxx");
    }

    @Test
    void registrationWithoutEmailOrPasswordIsAValidationProblem() {
        ApiClient.Response answer = api().post(REGISTER, body("displayName", "Nobody"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "validation-failed");
        assertThat(fields(answer.json())).containsExactlyInAnyOrder("email", "password");
    }

    @Test
    void emailWithoutADomainIsRejected() {
        ApiClient.Response answer = api().post(REGISTER, body("email", "someone@localhost", "password", PASSWORD));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactly("email");
    }

    @Test
    void theEmailItselfIsRefusedAsPassword() {
        String email = uniqueEmail("lazy");

        ApiClient.Response answer = api().post(REGISTER, body("email", email, "password", email));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fields(answer.json())).containsExactly("password");
        assertThat(answer.json().path("errors").get(0).path("message").asText()).doesNotContain(email);
    }

    @Test
    void wrongPasswordAndUnknownEmailGiveTheSameProblem() {
        String email = uniqueEmail("known");
        register(email);

        ApiClient.Response wrongPassword = api().post(LOGIN, body("email", email, "password", "not the right passphrase"));
        ApiClient.Response unknownEmail = api().post(LOGIN, body("email", uniqueEmail("unknown"), "password", PASSWORD));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.json().path("type").asText()).isEqualTo(PROBLEMS + "invalid-credentials");
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.body()).isEqualTo(wrongPassword.body());
        assertThat(unknownEmail.header("WWW-Authenticate")).isEqualTo(wrongPassword.header("WWW-Authenticate"));
        assertThat(wrongPassword.body()).doesNotContain("not the right passphrase").doesNotContain(email);
    }

    @Test
    void meWithoutATokenIsUnauthorizedWithABearerChallenge() {
        ApiClient.Response answer = api().get(ME);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
        assertThat(answer.json().path("instance").asText()).isEqualTo(ME);
    }

    @Test
    void rejectedTokensAreUnauthorizedWithAnInvalidTokenChallenge() {
        JsonNode user = register(uniqueEmail("victim"));
        UUID userId = UUID.fromString(user.path("id").asText());
        UUID workspaceId = UUID.fromString(user.path("workspaceId").asText());
        String activeKid = signingKeys.active().keyId();
        Clock anHourAgo = Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC);

        List<String> rejected = List.of(
                "garbage",
                "a.b.c",
                issuer(signingKeys, jwtService.issuer(), jwtService.audience(), anHourAgo).issue(userId, workspaceId, List.of("USER"), UUID.randomUUID()).value(),
                issuer(JwtSigningKeys.generate(activeKid), jwtService.issuer(), jwtService.audience(), Clock.systemUTC())
                        .issue(userId, workspaceId, List.of("USER"), UUID.randomUUID()).value(),
                issuer(signingKeys, jwtService.issuer(), "another-api", Clock.systemUTC()).issue(userId, workspaceId, List.of("USER"), UUID.randomUUID()).value(),
                issuer(signingKeys, "https://elsewhere.test", jwtService.audience(), Clock.systemUTC()).issue(userId, workspaceId, List.of("USER"), UUID.randomUUID()).value(),
                unsigned(activeKid, userId, workspaceId));

        for (String token : rejected) {
            ApiClient.Response answer = api().as(token).get(ME);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
            assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "unauthorized");
            assertThat(answer.body()).doesNotContain(token);
        }
    }

    @Test
    void adminRoutesAreForbiddenToUsers() {
        String token = login(uniqueEmail("plain"));

        ApiClient.Response answer = api().as(token).get("/api/v1/admin/processors");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "forbidden");
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void adminRoutesLetAdministratorsThrough() {
        ApiClient admin = Admins.admin(api(), jwtService, "boss");

        ApiClient.Response answer = admin.get("/api/v1/admin/no-such-thing-" + UUID.randomUUID());

        assertThat(answer.status()).isEqualTo(404);
    }

    @Test
    void malformedJsonIsAMalformedRequestProblem() {
        ApiClient.Response answer = api().postRaw(LOGIN, "application/json", "{\"email\": \"a@b.example\", \"password\": \"sec");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "malformed-request");
        assertThat(answer.body()).doesNotContain("\"sec");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        String token = login(uniqueEmail("lost"));

        ApiClient.Response answer = api().as(token).get("/api/v1/no-such-route");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        assertThat(answer.json().path("type").asText()).isEqualTo(PROBLEMS + "not-found");
        assertThat(answer.json().path("instance").asText()).isEqualTo("/api/v1/no-such-route");
    }

    @Test
    void unknownRouteWithoutATokenRevealsNothingAndAsksForOne() {
        ApiClient.Response answer = api().get("/api/v1/no-such-route");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void wrongMethodIsAProblemToo() {
        ApiClient.Response answer = api().get(LOGIN);

        assertThat(answer.status()).isIn(401, 405);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void healthIsPublic() {
        ApiClient.Response answer = api().get("/actuator/health");

        assertThat(answer.status()).isNotIn(401, 403);
    }

    private JsonNode register(String email) {
        ApiClient.Response answer = api().post(REGISTER, body("email", email, "password", PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer.json();
    }

    private String login(String email) {
        register(email);
        ApiClient.Response answer = api().post(LOGIN, body("email", email, "password", PASSWORD));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json().path("accessToken").asText();
    }

    private static JwtService issuer(JwtSigningKeys keys, String issuer, String audience, Clock clock) {
        return new JwtService(keys, issuer, audience, Duration.ofMinutes(15), Duration.ofSeconds(60), clock);
    }

    private String unsigned(String kid, UUID userId, UUID workspaceId) {
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"at+jwt\",\"kid\":\"" + kid + "\"}");
        String claims = base64Url("{\"iss\":\"" + jwtService.issuer() + "\",\"aud\":\"" + jwtService.audience() + "\",\"sub\":\""
                + userId + "\",\"wid\":\"" + workspaceId + "\",\"sid\":\"" + UUID.randomUUID() + "\",\"roles\":[\"ADMIN\"],\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}");
        return header + "." + claims + ".";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.path("errors").forEach(error -> {
            assertThat(error.path("message").asText()).isNotBlank();
            fields.add(error.path("field").asText());
        });
        return fields;
    }

    private static String uniqueEmail(String label) {
        return label + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
