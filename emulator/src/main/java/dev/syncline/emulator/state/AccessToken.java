package dev.syncline.emulator.state;

import java.time.Instant;

/** A bearer token and the grant it speaks for. Valid until it expires or the grant is revoked. */
public final class AccessToken {

    private final String value;
    private final Grant grant;
    private final Instant issuedAt;
    private volatile Instant expiresAt;

    AccessToken(String value, Grant grant, Instant issuedAt, Instant expiresAt) {
        this.value = value;
        this.grant = grant;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    public String value() {
        return value;
    }

    public Grant grant() {
        return grant;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isValidAt(Instant now) {
        return !grant.isRevoked() && now.isBefore(expiresAt);
    }

    /** Answers true if the token was still live, so callers can count what they expired. */
    boolean expireAt(Instant now) {
        boolean wasLive = now.isBefore(expiresAt);
        if (wasLive) {
            expiresAt = now;
        }
        return wasLive;
    }
}
