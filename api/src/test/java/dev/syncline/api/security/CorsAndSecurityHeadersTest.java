package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.Users;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** CORS for the configured frontend only, and the security headers on every kind of answer, over HTTP. */
class CorsAndSecurityHeadersTest extends ApiIntegrationTest {

    private static final String OTHER_ORIGIN = "https://evil.example";
    private static final String LOGIN = "/api/v1/auth/login";
    private static final String ME = "/api/v1/auth/me";

    @Autowired
    @Qualifier("springSecurityFilterChain")
    Filter securityFilterChain;

    @Test
    void preflightFromTheFrontendIsAllowedWithoutCredentials() {
        ApiClient.Response preflight = preflight(FRONTEND_ORIGIN, "POST", "content-type");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND_ORIGIN);
        assertThat(preflight.header("Access-Control-Allow-Methods")).isEqualTo("GET,POST,PUT,PATCH,DELETE");
        assertThat(preflight.header("Access-Control-Allow-Headers")).isEqualToIgnoringCase("content-type");
        assertThat(preflight.header("Access-Control-Max-Age")).isEqualTo("3600");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void preflightFromTheFrontendMaySendABearerTokenAndResumeAnEventStream() {
        ApiClient.Response preflight = preflight(FRONTEND_ORIGIN, "GET", "authorization,last-event-id");

        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND_ORIGIN);
    }

    @Test
    void requestFromTheFrontendGetsItsOriginBackAndMayReadLocationAndRetryAfter() {
        ApiClient user = Users.registerAndLogIn(api(), "cors").withHeader("Origin", FRONTEND_ORIGIN);

        ApiClient.Response me = user.get(ME);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND_ORIGIN);
        assertThat(me.header("Access-Control-Expose-Headers")).isEqualTo("Location, Retry-After");
        assertThat(me.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        ApiClient.Response preflight = preflight(OTHER_ORIGIN, "POST", "content-type");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void requestFromAnotherOriginGetsNoCorsHeaders() {
        ApiClient.Response answer = api().withHeader("Origin", OTHER_ORIGIN).get("/actuator/health");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void preflightAskingForAHeaderNotAllowedIsRefused() {
        ApiClient.Response preflight = preflight(FRONTEND_ORIGIN, "POST", "x-requested-with");

        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void successfulAnswerCarriesTheSecurityHeaders() {
        ApiClient.Response health = api().get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertSecurityHeaders(health);
    }

    @Test
    void unauthorizedAnswerCarriesTheSecurityHeaders() {
        ApiClient.Response unauthorized = api().get(ME);

        assertThat(unauthorized.status()).isEqualTo(401);
        assertSecurityHeaders(unauthorized);
    }

    @Test
    void notFoundProblemCarriesTheSecurityHeaders() {
        ApiClient.Response notFound = Users.registerAndLogIn(api(), "lost").get("/api/v1/no-such-route");

        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("Content-Type")).startsWith("application/problem+json");
        assertSecurityHeaders(notFound);
    }

    @Test
    void apiAnswersAreNeverStored() {
        ApiClient.Response me = Users.registerAndLogIn(api(), "cache").get(ME);

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.header("Cache-Control")).contains("no-store");
    }

    @Test
    void strictTransportSecurityIsSentOverHttpsOnly() throws Exception {
        MockHttpServletRequest overHttps = new MockHttpServletRequest("GET", "/actuator/health");
        overHttps.setSecure(true);
        MockHttpServletResponse secureAnswer = new MockHttpServletResponse();

        securityFilterChain.doFilter(overHttps, secureAnswer, new MockFilterChain());

        assertThat(secureAnswer.getHeader("Strict-Transport-Security")).isEqualTo("max-age=31536000 ; includeSubDomains");
        assertThat(api().get("/actuator/health").header("Strict-Transport-Security")).isNull();
    }

    private ApiClient.Response preflight(String origin, String method, String headers) {
        return api()
                .withHeader("Origin", origin)
                .withHeader("Access-Control-Request-Method", method)
                .withHeader("Access-Control-Request-Headers", headers)
                .options(LOGIN);
    }

    private static void assertSecurityHeaders(ApiClient.Response answer) {
        assertThat(answer.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(answer.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(answer.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("Permissions-Policy")).contains("camera=()", "geolocation=()", "microphone=()");
        assertThat(answer.header("Cache-Control")).contains("no-store");
    }
}
