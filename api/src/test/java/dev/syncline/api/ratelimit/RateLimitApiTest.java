package dev.syncline.api.ratelimit;

import static dev.syncline.api.testing.ApiClient.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default rate limits over HTTP, in an application of its own (the shared test context raises them
 * for the suite), with the buckets in the real Redis. Started outside Spring's test context cache, which
 * would otherwise pause the shared context, whose Axon processors and scheduler cannot be restarted.
 * Each test sends from client addresses of its own, which Tomcat takes from {@code X-Forwarded-For} as
 * it would behind a reverse proxy.
 */
class RateLimitApiTest {

    private static final String KEY_PREFIX = LocalRedis.uniquePrefix();
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String REGISTER = "/api/v1/auth/register";
    private static final String PASSWORD = "a long and memorable passphrase";
    private static final String WRONG_PASSWORD = "not the right passphrase";
    private static final String OIDC_LOGIN = "/api/v1/auth/login/google";
    private static final String OIDC_CALLBACK = "/api/v1/auth/callback/google?code=c&state=s";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private static TestDatabase database;
    private static ConfigurableApplicationContext application;
    private static String baseUrl;

    /** The application with its default limits; command-line arguments, because default properties lose to application.yml. */
    @BeforeAll
    static void start() {
        database = TestDatabase.create("ratelimit");
        application = StandaloneApplication.startWithOwnSettings(database,
                "--server.forward-headers-strategy=native",
                "--syncline.redis.url=" + LocalRedis.URL,
                "--syncline.rate-limits.key-prefix=" + KEY_PREFIX);
        baseUrl = StandaloneApplication.api(application).baseUrl();
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        if (database != null) {
            database.drop();
        }
        try (LocalRedis redis = new LocalRedis()) {
            redis.deleteAll(KEY_PREFIX);
        }
    }

    @Test
    void eleventhLoginFromOneAddressWithinAMinuteIsRateLimited() {
        ApiClient client = fromNewAddress();
        List<Integer> firstTen = new ArrayList<>();
        for (int attempt = 1; attempt <= 10; attempt++) {
            firstTen.add(client.post(LOGIN, body("email", uniqueEmail(), "password", WRONG_PASSWORD)).status());
        }

        ApiClient.Response eleventh = client.post(LOGIN, body("email", uniqueEmail(), "password", WRONG_PASSWORD));

        assertThat(firstTen).containsOnly(401);
        assertThat(eleventh.status()).isEqualTo(429);
        assertThat(Long.parseLong(eleventh.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(eleventh.header("Content-Type")).startsWith("application/problem+json");
        assertThat(eleventh.json().path("type").asText()).isEqualTo("https://syncline.dev/problems/rate-limited");
        assertThat(eleventh.json().path("status").asInt()).isEqualTo(429);
        assertThat(eleventh.json().path("instance").asText()).isEqualTo(LOGIN);
        assertThat(eleventh.json().path("detail").asText()).contains("Try again in");
        assertThat(eleventh.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(eleventh.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(eleventh.header("Cache-Control")).contains("no-store");
        assertThat(fromNewAddress().post(LOGIN, body("email", uniqueEmail(), "password", WRONG_PASSWORD)).status())
                .as("another address has its own allowance")
                .isEqualTo(401);
    }

    @Test
    void sixthRegistrationFromOneAddressWithinTenMinutesIsRateLimited() {
        ApiClient client = fromNewAddress();
        List<Integer> firstFive = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            firstFive.add(client.post(REGISTER, body("email", uniqueEmail(), "password", PASSWORD)).status());
        }

        ApiClient.Response sixth = client.post(REGISTER, body("email", uniqueEmail(), "password", PASSWORD));

        assertThat(firstFive).containsOnly(201);
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(540L, 600L);
        assertThat(sixth.json().path("type").asText()).isEqualTo("https://syncline.dev/problems/rate-limited");
    }

    @Test
    void bothLegsOfTheOidcLoginAreRateLimitedAheadOfTheFiltersThatAnswerThem() {
        ApiClient client = fromNewAddress();
        List<Integer> starts = new ArrayList<>();
        List<Integer> callbacks = new ArrayList<>();
        for (int attempt = 1; attempt <= 20; attempt++) {
            starts.add(client.get(OIDC_LOGIN).status());
            callbacks.add(client.get(OIDC_CALLBACK).status());
        }

        ApiClient.Response start = client.get(OIDC_LOGIN);
        ApiClient.Response callback = client.get(OIDC_CALLBACK);

        assertThat(starts).containsOnly(302);
        assertThat(callbacks).containsOnly(401);
        assertThat(start.status()).isEqualTo(429);
        assertThat(start.header("Location")).isNull();
        assertThat(callback.status()).isEqualTo(429);
        assertThat(callback.json().path("type").asText()).isEqualTo("https://syncline.dev/problems/rate-limited");
    }

    @Test
    void repeatedFailedLoginsSlowDownAKnownAndAnUnknownEmailAlike() {
        String known = uniqueEmail();
        assertThat(fromNewAddress().post(REGISTER, body("email", known, "password", PASSWORD)).status()).isEqualTo(201);
        String unknown = uniqueEmail();

        List<ApiClient.Response> knownAnswers = fiveFailuresAndOneMore(known);
        List<ApiClient.Response> unknownAnswers = fiveFailuresAndOneMore(unknown);

        assertThat(knownAnswers).extracting(ApiClient.Response::status).containsExactly(401, 401, 401, 401, 401, 429);
        assertThat(unknownAnswers).extracting(ApiClient.Response::status).containsExactly(401, 401, 401, 401, 401, 429);
        for (int i = 0; i < knownAnswers.size(); i++) {
            assertThat(unknownAnswers.get(i).body()).isEqualTo(knownAnswers.get(i).body());
            assertThat(unknownAnswers.get(i).header("Retry-After")).isEqualTo(knownAnswers.get(i).header("Retry-After"));
        }
        assertThat(knownAnswers.get(5).header("Retry-After")).isEqualTo("1");
        assertThat(knownAnswers.get(5).json().path("type").asText()).isEqualTo("https://syncline.dev/problems/rate-limited");
        assertThat(knownAnswers.get(5).body()).doesNotContain(known).doesNotContain(WRONG_PASSWORD);

        assertThat(failOnceTheLockEnds(known).status()).isEqualTo(401);
        assertThat(failOnceTheLockEnds(unknown).status()).isEqualTo(401);
        ApiClient.Response knownAfterSixth = login(known, WRONG_PASSWORD);
        ApiClient.Response unknownAfterSixth = login(unknown, WRONG_PASSWORD);

        assertThat(knownAfterSixth.status()).isEqualTo(429);
        assertThat(knownAfterSixth.header("Retry-After")).as("the lock doubled").isEqualTo("2");
        assertThat(unknownAfterSixth.body()).isEqualTo(knownAfterSixth.body());
        assertThat(unknownAfterSixth.header("Retry-After")).isEqualTo("2");
    }

    @Test
    void successfulLoginClearsTheFailuresOfItsEmail() {
        String email = uniqueEmail();
        assertThat(fromNewAddress().post(REGISTER, body("email", email, "password", PASSWORD)).status()).isEqualTo(201);
        assertThat(fiveFailuresAndOneMore(email).get(5).status()).isEqualTo(429);

        ApiClient.Response success = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> login(email, PASSWORD), answer -> answer.status() != 429);
        ApiClient.Response failuresAfterwards = login(email, WRONG_PASSWORD);

        assertThat(success.status()).isEqualTo(200);
        assertThat(failuresAfterwards.status()).as("counted from zero again").isEqualTo(401);
    }

    private List<ApiClient.Response> fiveFailuresAndOneMore(String email) {
        List<ApiClient.Response> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            answers.add(login(email, WRONG_PASSWORD));
        }
        return answers;
    }

    /** Waits out the lock with attempts that it refuses (and does not count), then fails once more. */
    private ApiClient.Response failOnceTheLockEnds(String email) {
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200))
                .until(() -> login(email, WRONG_PASSWORD), answer -> answer.status() != 429);
    }

    /** Every login from an address of its own, so that only the email's own slowdown can refuse it. */
    private ApiClient.Response login(String email, String password) {
        return fromNewAddress().post(LOGIN, body("email", email, "password", password));
    }

    private ApiClient fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        return new ApiClient(baseUrl).withHeader("X-Forwarded-For", "203.0." + (113 + n / 250) + "." + (n % 250 + 1));
    }

    private static String uniqueEmail() {
        return "limited-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
    }
}
