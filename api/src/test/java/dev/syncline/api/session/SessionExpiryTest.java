package dev.syncline.api.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.testing.TestDatabase;
import dev.syncline.api.testing.Users;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Sessions with lifetimes of seconds: they expire by themselves, idle or absolute, and the audit says
 * which. In an application of its own ({@link StandaloneApplication#startWithOwnSettings}).
 */
class SessionExpiryTest {

    private static TestDatabase database;
    private static ConfigurableApplicationContext application;

    @BeforeAll
    static void start() {
        database = TestDatabase.create("sessionexpiry");
        application = StandaloneApplication.startWithOwnSettings(database,
                "--syncline.sessions.idle-timeout=2s", "--syncline.sessions.absolute-lifetime=5s");
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.drop();
        }
    }

    private static ApiClient api() {
        return StandaloneApplication.api(application);
    }

    @Test
    void anIdleSessionExpiresWithoutAnyRequestAndItsAccessTokenStopsWorking() {
        SessionTokens idle = SessionTokens.registerAndLogIn(api(), "idle");

        await().atMost(Duration.ofSeconds(15)).until(() -> idle.client().get("/api/v1/auth/me").status() == 401);

        assertThat(idle.refresh().status()).isEqualTo(401);
        SessionTokens later = SessionTokens.logIn(api(), idle.email(), Users.PASSWORD);
        assertThat(expiry(later, idle.sessionId())).isEqualTo("IDLE");
    }

    @Test
    void aSessionRefreshedAllTheTimeStillEndsAtItsAbsoluteLifetime() {
        SessionTokens first = SessionTokens.registerAndLogIn(api(), "absolute");
        AtomicReference<SessionTokens> latest = new AtomicReference<>(first);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(700)).until(() -> {
            ApiClient.Response response = latest.get().refresh();
            if (response.status() == 200) {
                latest.set(SessionTokens.of(api(), first.email(), response));
                return false;
            }
            return true;
        });

        SessionTokens later = SessionTokens.logIn(api(), first.email(), Users.PASSWORD);
        assertThat(expiry(later, first.sessionId())).isEqualTo("ABSOLUTE");
    }

    /** The detail of the SESSION_EXPIRED entry of the given session, once the audit has it. */
    private static String expiry(SessionTokens reader, String sessionId) {
        AtomicReference<String> detail = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode audit = reader.client().get("/api/v1/auth/audit").json();
            JsonNode expired = StreamSupport.stream(audit.spliterator(), false)
                    .filter(entry -> entry.path("type").asText().equals("SESSION_EXPIRED"))
                    .filter(entry -> entry.path("sessionId").asText().equals(sessionId))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SESSION_EXPIRED for " + sessionId + " in " + audit));
            detail.set(expired.path("detail").asText());
        });
        String words = detail.get().toLowerCase(Locale.ROOT);
        return words.contains("absolute") ? "ABSOLUTE" : words.contains("idle") ? "IDLE" : detail.get();
    }
}
