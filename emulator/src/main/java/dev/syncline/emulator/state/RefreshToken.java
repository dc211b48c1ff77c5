package dev.syncline.emulator.state;

import java.time.Instant;

/** A refresh token and its grant; it lives as long as the grant does (unless Google's cap drops it). */
public record RefreshToken(String value, Grant grant, Instant issuedAt) {

    public boolean isLive() {
        return !grant.isRevoked();
    }
}
