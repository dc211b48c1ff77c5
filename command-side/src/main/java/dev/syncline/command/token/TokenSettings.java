package dev.syncline.command.token;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How tokens are kept fresh.
 *
 * @param refreshBuffer        refresh when the access token expires within this much time
 * @param keepAliveInterval    refresh an idle grant at least this often, so that it does not die unused
 * @param schedulePollInterval how often the refresh schedule looks for due accounts
 * @param transientRetry       inline retries of a transient token-endpoint failure within one refresh
 * @param laterRetry           how the schedule spaces further attempts after a refresh failed transiently
 * @param providerTimeout      the longest wait for one provider call
 */
@ConfigurationProperties("syncline.tokens")
public record TokenSettings(
        Duration refreshBuffer,
        Duration keepAliveInterval,
        Duration schedulePollInterval,
        Retry transientRetry,
        Retry laterRetry,
        Duration providerTimeout) {

    public TokenSettings {
        refreshBuffer = refreshBuffer == null ? Duration.ofMinutes(5) : refreshBuffer;
        keepAliveInterval = keepAliveInterval == null ? Duration.ofHours(24) : keepAliveInterval;
        schedulePollInterval = schedulePollInterval == null ? Duration.ofSeconds(30) : schedulePollInterval;
        transientRetry = transientRetry == null ? new Retry(3, Duration.ofMillis(200), Duration.ofSeconds(5)) : transientRetry;
        laterRetry = laterRetry == null ? new Retry(20, Duration.ofSeconds(30), Duration.ofMinutes(30)) : laterRetry;
        providerTimeout = providerTimeout == null ? Duration.ofSeconds(15) : providerTimeout;
    }

    /** A bounded exponential backoff: attempts, first delay, longest delay. */
    public record Retry(int attempts, Duration initialBackoff, Duration maxBackoff) {
    }
}
