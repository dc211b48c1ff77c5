package dev.syncline.providers.oauth;

import java.time.Instant;
import java.util.Set;

/**
 * A refresh's answer. {@code refreshToken} is the new refresh token when the provider rotated it
 * (Microsoft does on every refresh), or {@code null} when the old one stays (Google).
 */
public record RefreshedTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt, Set<String> scopes) {

    public boolean rotated() {
        return refreshToken != null;
    }

    @Override
    public String toString() {
        return "RefreshedTokens[accessToken=<redacted>, refreshToken=" + (rotated() ? "<redacted>" : "unchanged")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", scopes=" + scopes + "]";
    }
}
