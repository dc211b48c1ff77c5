package dev.syncline.api.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RateLimitedEndpointsTest {

    private static final RateLimitProperties DEFAULTS =
            new RateLimitProperties(true, "syncline:rate-limit:", 100, null, null, null, null, null, null, null);

    private final RateLimitedEndpoints endpoints = new RateLimitedEndpoints(DEFAULTS);

    @Test
    void everyAuthenticationEndpointHasItsOwnLimit() {
        assertThat(limited("POST", "/api/v1/auth/register")).contains("register");
        assertThat(limited("POST", "/api/v1/auth/login")).contains("login");
        assertThat(limited("POST", "/api/v1/auth/refresh")).contains("refresh");
        assertThat(limited("POST", "/api/v1/auth/login-code")).contains("login-code");
        assertThat(limited("GET", "/api/v1/auth/login/google")).contains("oidc-login");
        assertThat(limited("GET", "/api/v1/auth/callback/microsoft")).contains("oidc-callback");
    }

    @Test
    void headRequestToAnOidcStepCountsLikeItsGet() {
        assertThat(limited("HEAD", "/api/v1/auth/login/google")).contains("oidc-login");
        assertThat(limited("HEAD", "/api/v1/auth/callback/google")).contains("oidc-callback");
    }

    @Test
    void otherRequestsAreNotLimited() {
        assertThat(limited("GET", "/api/v1/auth/me")).isEmpty();
        assertThat(limited("GET", "/api/v1/auth/login")).isEmpty();
        assertThat(limited("POST", "/api/v1/auth/logout")).isEmpty();
        assertThat(limited("GET", "/api/v1/accounts/callback/google")).isEmpty();
        assertThat(limited("POST", "/api/v1/auth/login/google/extra")).isEmpty();
    }

    @Test
    void defaultsAreTenLoginsAMinuteAndFiveRegistrationsInTenMinutes() {
        assertThat(endpoint("POST", "/api/v1/auth/login").limit()).isEqualTo(new RateLimitProperties.Limit(10, Duration.ofMinutes(1)));
        assertThat(endpoint("POST", "/api/v1/auth/register").limit())
                .isEqualTo(new RateLimitProperties.Limit(5, Duration.ofMinutes(10)));
        assertThat(endpoint("POST", "/api/v1/auth/refresh").limit()).isEqualTo(new RateLimitProperties.Limit(30, Duration.ofMinutes(1)));
        assertThat(endpoint("GET", "/api/v1/auth/callback/google").limit())
                .isEqualTo(new RateLimitProperties.Limit(20, Duration.ofMinutes(1)));
    }

    @Test
    void nothingIsLimitedWhileLimitsAreDisabled() {
        RateLimitedEndpoints disabled = new RateLimitedEndpoints(
                new RateLimitProperties(false, "", 100, null, null, null, null, null, null, null));

        assertThat(disabled.match(request("POST", "/api/v1/auth/login"))).isEmpty();
    }

    @Test
    void bucketKeyNamesTheEndpointAndTheClientAddress() {
        assertThat(endpoint("POST", "/api/v1/auth/login").bucketKey("2001:db8::1")).isEqualTo("ip:login:2001:db8::1");
    }

    private Optional<String> limited(String method, String path) {
        return endpoints.match(request(method, path)).map(RateLimitedEndpoints.Endpoint::name);
    }

    private RateLimitedEndpoints.Endpoint endpoint(String method, String path) {
        return endpoints.match(request(method, path)).orElseThrow();
    }

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }
}
