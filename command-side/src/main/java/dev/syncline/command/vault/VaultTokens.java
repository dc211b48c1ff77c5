package dev.syncline.command.vault;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The OAuth credentials of one connected account as the vault stores them.
 *
 * <p>{@link #toString()} redacts both tokens, so that a record that ends up in a log line or an
 * exception message leaks nothing.
 *
 * @param accessToken          the provider access token
 * @param refreshToken         the provider refresh token, {@code null} when the provider issued none
 * @param accessTokenExpiresAt when the access token expires
 * @param scopes               the scopes granted, never {@code null}
 */
public record VaultTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt, Set<String> scopes) {

    public VaultTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        if (accessToken.isEmpty()) {
            throw new IllegalArgumentException("accessToken must not be empty");
        }
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    /** The same grant with a new access token, for a refresh that did not rotate the refresh token. */
    public VaultTokens withAccessToken(String newAccessToken, Instant newExpiresAt) {
        return new VaultTokens(newAccessToken, refreshToken, newExpiresAt, scopes);
    }

    @Override
    public String toString() {
        return "VaultTokens[accessToken=<redacted>, refreshToken="
                + (refreshToken == null ? "<none>" : "<redacted>")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt
                + ", scopes=" + new TreeSet<>(scopes) + "]";
    }
}
