package dev.syncline.command.session;

import dev.syncline.messages.session.SessionExpiry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When a session ends by itself: {@code idleTimeout} after its last use ({@code idleExpiresAt}), and at
 * {@code absoluteExpiresAt} however often it was used. A limit is reached at its very instant.
 */
record SessionLifetime(Duration idleTimeout, Instant idleExpiresAt, Instant absoluteExpiresAt) {

    /** The limits of a session that starts now; a timeout that is not positive is a malformed command. */
    static SessionLifetime startingAt(Instant startedAt, Duration idleTimeout, Duration absoluteLifetime) {
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(absoluteLifetime, "absoluteLifetime");
        return new SessionLifetime(idleTimeout, startedAt.plus(idleTimeout), startedAt.plus(absoluteLifetime));
    }

    /** The lifetime a {@code SessionStartedEvent} describes; the idle timeout is the distance to the first idle limit. */
    static SessionLifetime of(Instant startedAt, Instant idleExpiresAt, Instant absoluteExpiresAt) {
        return new SessionLifetime(Duration.between(startedAt, idleExpiresAt), idleExpiresAt, absoluteExpiresAt);
    }

    /** The limit the session had reached at {@code now}; of two, the one it reached first. Empty while it lives. */
    Optional<SessionExpiry> reachedBy(Instant now) {
        boolean idle = !now.isBefore(idleExpiresAt);
        boolean absolute = !now.isBefore(absoluteExpiresAt);
        if (idle && absolute) {
            return Optional.of(idleExpiresAt.isBefore(absoluteExpiresAt) ? SessionExpiry.IDLE : SessionExpiry.ABSOLUTE);
        }
        if (idle) {
            return Optional.of(SessionExpiry.IDLE);
        }
        return absolute ? Optional.of(SessionExpiry.ABSOLUTE) : Optional.empty();
    }

    /** The instant at which the given limit was reached. */
    Instant instantOf(SessionExpiry expiry) {
        return expiry == SessionExpiry.IDLE ? idleExpiresAt : absoluteExpiresAt;
    }

    /** The earlier of the two limits: when the session next has to look whether it is over. */
    Instant nextLimit() {
        return idleExpiresAt.isBefore(absoluteExpiresAt) ? idleExpiresAt : absoluteExpiresAt;
    }

    /** The idle limit after a use at {@code usedAt}. */
    Instant idleExpiryAfterUseAt(Instant usedAt) {
        return usedAt.plus(idleTimeout);
    }

    SessionLifetime idleUntil(Instant newIdleExpiresAt) {
        return new SessionLifetime(idleTimeout, newIdleExpiresAt, absoluteExpiresAt);
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
