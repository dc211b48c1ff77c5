package dev.syncline.api.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code syncline.sessions.*}: how long a session (refresh-token family) lives.
 *
 * @param idleTimeout      a session not refreshed for this long expires ({@code SYNCLINE_SESSION_IDLE_TIMEOUT}, default 7 days)
 * @param absoluteLifetime a session expires this long after login however active it is
 *                         ({@code SYNCLINE_SESSION_ABSOLUTE_LIFETIME}, default 30 days)
 */
@ConfigurationProperties("syncline.sessions")
public record SessionProperties(@DefaultValue("7d") Duration idleTimeout, @DefaultValue("30d") Duration absoluteLifetime) {

    public SessionProperties {
        idleTimeout = idleTimeout == null ? Duration.ofDays(7) : idleTimeout;
        absoluteLifetime = absoluteLifetime == null ? Duration.ofDays(30) : absoluteLifetime;
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("syncline.sessions.idle-timeout must be positive");
        }
        if (absoluteLifetime.compareTo(idleTimeout) < 0) {
            throw new IllegalArgumentException("syncline.sessions.absolute-lifetime must not be shorter than the idle timeout");
        }
    }
}
