package dev.syncline.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Cross-origin access for the configured frontends only ({@link SecurityProperties#frontendOrigins()}):
 * the API's methods, the request headers a frontend sends (a bearer token, JSON, the position an event
 * stream resumes from) and the response headers it needs to read. No credentials: the API uses bearer
 * tokens, never cookies. With no frontend configured the allow-list is empty, so every cross-origin
 * request is refused (403) and a browser lets no other site read any answer.
 */
public final class FrontendCors {

    static final Duration PREFLIGHT_MAX_AGE = Duration.ofHours(1);

    private FrontendCors() {
    }

    public static CorsConfigurationSource forOrigins(List<String> frontendOrigins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(List.copyOf(frontendOrigins));
        configuration.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name(), HttpMethod.PUT.name(),
                HttpMethod.PATCH.name(), HttpMethod.DELETE.name()));
        configuration.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, "Last-Event-ID"));
        configuration.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER));
        configuration.setAllowCredentials(false);
        configuration.setMaxAge(PREFLIGHT_MAX_AGE);
        // Registered for every path, even with no origin allowed: a request from an origin not listed is
        // then refused outright instead of passing through without CORS headers.
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        return source;
    }
}
