package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Tokens a provider's token endpoint issued. Travels only inside a command on its way to the
 * credential vault; it is never part of an event, and its {@link #toString()} hides the secrets.
 */
public record IssuedTokens(String accessToken, String refreshToken, Instant accessTokenExpiresAt, Set<String> scopes) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenExpiresAt, "accessTokenExpiresAt");
        scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
    }

    @Override
    public String toString() {
        return "IssuedTokens[accessToken=<redacted>, refreshToken=" + (refreshToken == null ? "none" : "<redacted>")
                + ", accessTokenExpiresAt=" + accessTokenExpiresAt + ", scopes=" + scopes + "]";
    }
}
