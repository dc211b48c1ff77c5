package dev.syncline.api.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The one place that says which requests are rate limited and how: registration, password login,
 * token refresh, the one-time login code and both legs of the OIDC login, each per client address.
 */
public final class RateLimitedEndpoints {

    private final boolean enabled;
    private final List<Endpoint> endpoints;

    public RateLimitedEndpoints(RateLimitProperties properties) {
        this.enabled = properties.enabled();
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.endpoints = List.of(
                new Endpoint("register", paths.matcher(HttpMethod.POST, "/api/v1/auth/register"), properties.register()),
                new Endpoint("login", paths.matcher(HttpMethod.POST, "/api/v1/auth/login"), properties.login()),
                new Endpoint("refresh", paths.matcher(HttpMethod.POST, "/api/v1/auth/refresh"), properties.refresh()),
                new Endpoint("login-code", paths.matcher(HttpMethod.POST, "/api/v1/auth/login-code"), properties.loginCode()),
                new Endpoint("oidc-login", read(paths, "/api/v1/auth/login/*"), properties.oidcLogin()),
                new Endpoint("oidc-callback", read(paths, "/api/v1/auth/callback/*"), properties.oidcCallback()));
    }

    /** The limited endpoint the request goes to, if any (none at all while limits are disabled). */
    public Optional<Endpoint> match(HttpServletRequest request) {
        if (!enabled) {
            return Optional.empty();
        }
        return endpoints.stream().filter(endpoint -> endpoint.matcher().matches(request)).findFirst();
    }

    /** Spring MVC answers HEAD with the GET handler, so a HEAD must count like a GET. */
    private static RequestMatcher read(PathPatternRequestMatcher.Builder paths, String pattern) {
        return new OrRequestMatcher(paths.matcher(HttpMethod.GET, pattern), paths.matcher(HttpMethod.HEAD, pattern));
    }

    /**
     * One limited endpoint.
     *
     * @param name    stable name, part of every bucket key
     * @param matcher the requests it covers
     * @param limit   how many per period
     */
    public record Endpoint(String name, RequestMatcher matcher, RateLimitProperties.Limit limit) {

        /** The key of one client's bucket for this endpoint. */
        public String bucketKey(String clientAddress) {
            return "ip:" + name + ":" + clientAddress;
        }

        /** The whole allowance at once, back in full when the period that began with the first request ends. */
        public BucketConfiguration bucketConfiguration() {
            return BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillIntervally(limit.capacity(), limit.period()))
                    .build();
        }
    }
}
