package dev.syncline.api.security;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code syncline.security.*}: who becomes an administrator, which browser frontends may call the
 * API, and how access tokens are signed.
 *
 * @param adminEmails     emails that get role ADMIN when they register ({@code SYNCLINE_ADMIN_EMAILS}, comma separated)
 * @param frontendOrigins the origins of the frontends ({@code SYNCLINE_FRONTEND_ORIGINS}, comma separated, e.g.
 *                        {@code https://app.example.com}): the only origins allowed by CORS and the only targets of a
 *                        post-login redirect; none by default
 * @param jwt             access token settings
 */
@ConfigurationProperties("syncline.security")
public record SecurityProperties(List<String> adminEmails, List<String> frontendOrigins, Jwt jwt) {

    public SecurityProperties {
        adminEmails = adminEmails == null ? List.of() : List.copyOf(adminEmails);
        frontendOrigins = frontendOrigins == null ? List.of() : frontendOrigins.stream()
                .filter(origin -> origin != null && !origin.isBlank())
                .map(SecurityProperties::origin)
                .distinct()
                .toList();
        jwt = jwt == null ? new Jwt(null, null, null, null, null, true) : jwt;
    }

    /**
     * An origin as browsers send it: scheme, host and port only, lower-cased. Anything with a path,
     * query, user info or a wildcard is refused at start-up, so the allow-list cannot be wider than meant.
     */
    static String origin(String text) {
        String trimmed = text.trim();
        URI uri;
        try {
            uri = URI.create(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("syncline.security.frontend-origins: '" + trimmed + "' is not an origin");
        }
        boolean httpScheme = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!httpScheme || uri.getHost() == null || !bare || trimmed.contains("*")) {
            throw new IllegalArgumentException("syncline.security.frontend-origins: '" + trimmed
                    + "' is not an origin like https://app.example.com (no path, no wildcard)");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** The admin emails trimmed and lower-cased, blanks dropped. */
    public Set<String> normalizedAdminEmails() {
        return adminEmails.stream()
                .filter(Objects::nonNull)
                .map(email -> email.trim().toLowerCase(Locale.ROOT))
                .filter(email -> !email.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * @param issuer                  {@code iss} of our tokens, required on verification
     * @param audience                {@code aud} of our tokens, required on verification
     * @param accessTokenLifetime     how long an access token lives (default 15 minutes)
     * @param clockSkew               tolerance for {@code exp}, {@code nbf} and {@code iat} (default 60 seconds)
     * @param signingKeys             the key set as JSON, or {@code file:/path} to one ({@code SYNCLINE_JWT_SIGNING_KEYS})
     * @param generateDevelopmentKeys whether to load or create a development key set under the data directory when none is given
     */
    public record Jwt(String issuer,
                      @DefaultValue("syncline-api") String audience,
                      @DefaultValue("15m") Duration accessTokenLifetime,
                      @DefaultValue("60s") Duration clockSkew,
                      String signingKeys,
                      @DefaultValue("true") boolean generateDevelopmentKeys) {

        public Jwt {
            audience = audience == null || audience.isBlank() ? "syncline-api" : audience;
            accessTokenLifetime = accessTokenLifetime == null ? Duration.ofMinutes(15) : accessTokenLifetime;
            clockSkew = clockSkew == null ? Duration.ofSeconds(60) : clockSkew;
            if (accessTokenLifetime.isNegative() || accessTokenLifetime.isZero()) {
                throw new IllegalArgumentException("syncline.security.jwt.access-token-lifetime must be positive");
            }
            if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofMinutes(5)) > 0) {
                throw new IllegalArgumentException("syncline.security.jwt.clock-skew must be between 0 and 5 minutes");
            }
        }
    }
}
