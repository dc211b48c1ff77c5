package dev.syncline.api.security;

import java.time.Duration;
import java.time.Instant;

/**
 * A signed access token just issued.
 *
 * @param value     the compact JWT, for the client only: never log it
 * @param id        its {@code jti}
 * @param issuedAt  its {@code iat}
 * @param expiresAt its {@code exp}
 */
public record AccessToken(String value, String id, Instant issuedAt, Instant expiresAt) {

    /** The lifetime in whole seconds, as OAuth's {@code expires_in}. */
    public long expiresInSeconds() {
        return Duration.between(issuedAt, expiresAt).toSeconds();
    }

    @Override
    public String toString() {
        return "AccessToken[id=" + id + ", expiresAt=" + expiresAt + ", value=<redacted>]";
    }
}
