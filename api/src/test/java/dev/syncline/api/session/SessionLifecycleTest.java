package dev.syncline.api.session;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The life of the app's own sessions over HTTP: login, rotation, reuse, logout, the list and the audit. */
class SessionLifecycleTest extends ApiIntegrationTest {

    @Autowired
    JwtService jwtService;

    private static final String INVALID_REFRESH_TOKEN = "https://syncline.dev/problems/invalid-refresh-token";

    @Test
    void loginAnswersAnAccessTokenARefreshTokenAndTheSession() {
        SessionTokens session = SessionTokens.registerAndLogIn(api(), "login");

        assertThat(session.refreshToken()).startsWith("srt_").hasSize(68);
        assertThat(session.sessionId()).isNotBlank();
        assertThat(session.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void everyRefreshRotatesTheTokenAndTheSuccessorWorks() {
        SessionTokens first = SessionTokens.registerAndLogIn(api(), "rotation");

        SessionTokens second = first.rotated();
        SessionTokens third = second.rotated();

        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
        assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
        assertThat(third.sessionId()).isEqualTo(first.sessionId());
        assertThat(third.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void reusingARotatedTokenRevokesItsFamilyButNotTheUsersOtherSessions() {
        SessionTokens stolen = SessionTokens.registerAndLogIn(api(), "reuse");
        SessionTokens otherDevice = SessionTokens.logIn(api(), stolen.email(), Users.PASSWORD);
        SessionTokens legitimate = stolen.rotated();

        ApiClient.Response reuse = stolen.refresh();

        assertThat(reuse.status()).isEqualTo(401);
        assertThat(reuse.json().path("type").asText()).isEqualTo(INVALID_REFRESH_TOKEN);
        assertThat(legitimate.refresh().status()).as("the successor dies with its family").isEqualTo(401);
        assertThat(legitimate.client().get("/api/v1/auth/me").status()).as("and so does its access token").isEqualTo(401);
        SessionTokens otherDeviceLater = otherDevice.rotated();
        assertThat(otherDeviceLater.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(otherDeviceLater.client()))
                .containsSubsequence("SESSION_REFRESHED", "REFRESH_TOKEN_REUSE_DETECTED", "SESSION_REVOKED"));
    }

    @Test
    void fiftyParallelRefreshesOfOneTokenYieldAtMostOneSuccessor() throws Exception {
        SessionTokens session = SessionTokens.registerAndLogIn(api(), "parallel");
        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiClient.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit((Callable<ApiClient.Response>) () -> {
                    start.await();
                    return session.refresh();
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> answer : answers) {
                responses.add(answer.get());
            }

            List<ApiClient.Response> successors = responses.stream().filter(r -> r.status() == 200).toList();
            assertThat(successors).hasSizeLessThanOrEqualTo(1);
            assertThat(responses).allMatch(r -> r.status() == 200 || r.status() == 401);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void malformedOrUnknownRefreshTokensGetTheSameProblem() {
        String unknownSession = RefreshToken.mint(java.util.UUID.randomUUID()).value();
        for (String token : List.of("not-a-token", unknownSession, "srt_" + "A".repeat(64))) {
            ApiClient.Response response = api().post("/api/v1/auth/refresh", body("refreshToken", token));

            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.json().path("type").asText()).isEqualTo(INVALID_REFRESH_TOKEN);
            assertThat(response.body()).doesNotContain(token);
        }
        assertThat(api().post("/api/v1/auth/refresh", body()).status()).isEqualTo(400);
    }

    @Test
    void logoutEndsTheSessionsRefreshTokenAndItsAccessTokenAtOnce() {
        SessionTokens session = SessionTokens.registerAndLogIn(api(), "logout");
        SessionTokens otherDevice = SessionTokens.logIn(api(), session.email(), Users.PASSWORD);

        assertThat(session.client().post("/api/v1/auth/logout", null).status()).isEqualTo(204);

        assertThat(session.client().get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(session.refresh().status()).isEqualTo(401);
        assertThat(otherDevice.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void logoutEverywhereEndsEverySessionOfTheUserOnly() {
        SessionTokens phone = SessionTokens.registerAndLogIn(api(), "logout-all");
        SessionTokens laptop = SessionTokens.logIn(api(), phone.email(), Users.PASSWORD);
        SessionTokens stranger = SessionTokens.registerAndLogIn(api(), "stranger");

        assertThat(laptop.client().post("/api/v1/auth/logout-all", null).status()).isEqualTo(204);

        for (SessionTokens ended : List.of(phone, laptop)) {
            assertThat(ended.client().get("/api/v1/auth/me").status()).isEqualTo(401);
            assertThat(ended.refresh().status()).isEqualTo(401);
        }
        assertThat(stranger.rotated().client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void passwordChangeEndsEverySessionAndStartsOneForTheClientThatChangedIt() {
        SessionTokens phone = SessionTokens.registerAndLogIn(api(), "password");
        SessionTokens laptop = SessionTokens.logIn(api(), phone.email(), Users.PASSWORD);
        String newPassword = "a different horse, battery and staple";

        ApiClient.Response changed = laptop.client().post("/api/v1/auth/password",
                body("currentPassword", Users.PASSWORD, "newPassword", newPassword));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        SessionTokens fresh = SessionTokens.of(api(), phone.email(), changed);
        assertThat(fresh.sessionId()).isNotIn(phone.sessionId(), laptop.sessionId());
        assertThat(fresh.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        for (SessionTokens ended : List.of(phone, laptop)) {
            assertThat(ended.client().get("/api/v1/auth/me").status()).isEqualTo(401);
            assertThat(ended.refresh().status()).isEqualTo(401);
        }
        assertThat(api().post("/api/v1/auth/login", body("email", phone.email(), "password", Users.PASSWORD)).status())
                .isEqualTo(401);
        SessionTokens.logIn(api(), phone.email(), newPassword);
    }

    @Test
    void passwordChangeWithAWrongCurrentPasswordOrAWeakNewOneChangesNothing() {
        SessionTokens session = SessionTokens.registerAndLogIn(api(), "password-refused");

        ApiClient.Response wrong = session.client().post("/api/v1/auth/password",
                body("currentPassword", "not my password at all", "newPassword", "a perfectly fine new passphrase"));
        ApiClient.Response weak = session.client().post("/api/v1/auth/password",
                body("currentPassword", Users.PASSWORD, "newPassword", "short"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("field").asText()).isEqualTo("newPassword");
        assertThat(session.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        SessionTokens.logIn(api(), session.email(), Users.PASSWORD);
    }

    @Test
    void theSessionListShowsEachActiveSessionWithItsClientAndMarksTheCurrentOne() {
        SessionTokens phone = SessionTokens.registerAndLogIn(api().withHeader("User-Agent", "SynclinePhone/2.1"), "list");
        SessionTokens laptop = SessionTokens.logIn(api().withHeader("User-Agent", "SynclineDesktop/1.0"), phone.email(), Users.PASSWORD);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode sessions = laptop.client().get("/api/v1/auth/sessions").json();
            assertThat(sessions).hasSize(2);
            JsonNode current = find(sessions, laptop.sessionId());
            assertThat(current.path("current").asBoolean()).isTrue();
            assertThat(current.path("userAgent").asText()).isEqualTo("SynclineDesktop/1.0");
            assertThat(current.path("method").asText()).isEqualTo("PASSWORD");
            assertThat(current.path("createdAt").asText()).isNotBlank();
            assertThat(current.path("lastUsedAt").asText()).isNotBlank();
            assertThat(find(sessions, phone.sessionId()).path("current").asBoolean()).isFalse();
            assertThat(find(sessions, phone.sessionId()).path("userAgent").asText()).isEqualTo("SynclinePhone/2.1");
        });
    }

    @Test
    void endingAnotherOfMySessionsFromTheListRevokesIt() {
        SessionTokens phone = SessionTokens.registerAndLogIn(api(), "end-one");
        SessionTokens laptop = SessionTokens.logIn(api(), phone.email(), Users.PASSWORD);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> laptop.client().get("/api/v1/auth/sessions").json().size() == 2);

        assertThat(laptop.client().delete("/api/v1/auth/sessions/" + phone.sessionId()).status()).isEqualTo(204);

        assertThat(phone.client().get("/api/v1/auth/me").status()).isEqualTo(401);
        assertThat(phone.refresh().status()).isEqualTo(401);
        assertThat(laptop.client().get("/api/v1/auth/me").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> laptop.client().get("/api/v1/auth/sessions").json().size() == 1);
    }

    @Test
    void someoneElsesSessionCannotBeEndedAndLooksLikeNone() {
        SessionTokens mine = SessionTokens.registerAndLogIn(api(), "mine");
        SessionTokens theirs = SessionTokens.registerAndLogIn(api(), "theirs");

        ApiClient.Response response = mine.client().delete("/api/v1/auth/sessions/" + theirs.sessionId());

        assertThat(response.status()).isEqualTo(404);
        assertThat(theirs.client().get("/api/v1/auth/me").status()).isEqualTo(200);
    }

    @Test
    void theAuditShowsTheCallersSessionLifeInOrderAndNeverAToken() {
        SessionTokens first = SessionTokens.registerAndLogIn(api(), "audit");
        SessionTokens rotated = first.rotated();
        SessionTokens other = SessionTokens.logIn(api(), first.email(), Users.PASSWORD);
        rotated.client().post("/api/v1/auth/logout", null);
        SessionTokens stranger = SessionTokens.registerAndLogIn(api(), "audit-stranger");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(types(other.client()))
                .containsExactly("SESSION_STARTED", "SESSION_REFRESHED", "SESSION_STARTED", "SESSION_REVOKED"));
        ApiClient.Response audit = other.client().get("/api/v1/auth/audit");
        assertThat(audit.body()).doesNotContain(first.refreshToken(), rotated.refreshToken(), first.accessToken(),
                RefreshToken.parse(first.refreshToken()).orElseThrow().hash(), stranger.sessionId());
        assertThat(audit.json().get(3).path("detail").asText()).isEqualTo("Logged out.");
    }

    @Test
    void administratorsSeeAnyUsersSessionLifeAndNobodyElseDoes() {
        SessionTokens user = SessionTokens.registerAndLogIn(api(), "audited");
        user.rotated();
        JsonNode me = user.client().get("/api/v1/auth/me").json();
        ApiClient admin = Admins.admin(api(), jwtService, "session-admin");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ApiClient.Response audit = admin.get("/api/v1/admin/session-audit?userId=" + me.path("id").asText());
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            assertThat(audit.json()).extracting(entry -> entry.path("type").asText())
                    .containsExactly("SESSION_STARTED", "SESSION_REFRESHED");
        });
        assertThat(user.client().get("/api/v1/admin/session-audit").status()).isEqualTo(403);
        assertThat(admin.get("/api/v1/admin/session-audit?userId=not-a-uuid").status()).isEqualTo(400);
        assertThat(user.client().get("/api/v1/auth/audit?limit=0").status()).isEqualTo(400);
    }

    private static List<String> types(ApiClient client) {
        ApiClient.Response audit = client.get("/api/v1/auth/audit");
        assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
        return StreamSupport.stream(audit.json().spliterator(), false).map(entry -> entry.path("type").asText()).toList();
    }

    private static JsonNode find(JsonNode sessions, String sessionId) {
        return StreamSupport.stream(sessions.spliterator(), false)
                .filter(session -> session.path("id").asText().equals(sessionId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session " + sessionId + " in " + sessions));
    }
}
