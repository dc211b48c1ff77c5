package dev.syncline.messages.account;

import java.time.Instant;

/** An access token that is valid for at least the refresh buffer. Its {@link #toString()} hides the token. */
public record ValidAccessToken(String accountId, Provider provider, String accessToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "ValidAccessToken[accountId=" + accountId + ", provider=" + provider + ", accessToken=<redacted>, expiresAt="
                + expiresAt + "]";
    }
}
