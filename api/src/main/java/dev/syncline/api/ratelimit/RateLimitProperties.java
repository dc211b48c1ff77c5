package dev.syncline.api.ratelimit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code syncline.rate-limits.*}: how many requests one client address may make to each authentication
 * endpoint per period, and how failed logins for one email slow down. The buckets live in Redis when
 * {@code syncline.redis.url} is set, else in this process.
 *
 * @param enabled          whether any limit applies ({@code SYNCLINE_RATE_LIMITS_ENABLED})
 * @param keyPrefix        what every bucket's key starts with, e.g. in a Redis shared with other applications
 * @param inProcessMaxKeys how many buckets the in-process store keeps at most; the least recently used go first
 * @param register         {@code POST /api/v1/auth/register} per client address
 * @param login            {@code POST /api/v1/auth/login} per client address
 * @param refresh          {@code POST /api/v1/auth/refresh} per client address
 * @param loginCode        {@code POST /api/v1/auth/login-code} per client address
 * @param oidcLogin        {@code GET /api/v1/auth/login/{provider}} per client address
 * @param oidcCallback     {@code GET /api/v1/auth/callback/{provider}} per client address
 * @param failedLogins     the slowdown of failed logins per email
 */
@ConfigurationProperties("syncline.rate-limits")
public record RateLimitProperties(@DefaultValue("true") boolean enabled,
                                  @DefaultValue("syncline:rate-limit:") String keyPrefix,
                                  @DefaultValue("100000") int inProcessMaxKeys,
                                  Limit register,
                                  Limit login,
                                  Limit refresh,
                                  Limit loginCode,
                                  Limit oidcLogin,
                                  Limit oidcCallback,
                                  FailedLogins failedLogins) {

    public RateLimitProperties {
        if (inProcessMaxKeys < 1) {
            throw new IllegalArgumentException("syncline.rate-limits.in-process-max-keys must be positive");
        }
        keyPrefix = keyPrefix == null ? "" : keyPrefix;
        register = register == null ? new Limit(5, Duration.ofMinutes(10)) : register;
        login = login == null ? new Limit(10, Duration.ofMinutes(1)) : login;
        refresh = refresh == null ? new Limit(30, Duration.ofMinutes(1)) : refresh;
        loginCode = loginCode == null ? new Limit(20, Duration.ofMinutes(1)) : loginCode;
        oidcLogin = oidcLogin == null ? new Limit(20, Duration.ofMinutes(1)) : oidcLogin;
        oidcCallback = oidcCallback == null ? new Limit(20, Duration.ofMinutes(1)) : oidcCallback;
        failedLogins = failedLogins == null
                ? new FailedLogins(5, Duration.ofMinutes(15), Duration.ofSeconds(1), Duration.ofMinutes(15))
                : failedLogins;
    }

    /**
     * At most {@code capacity} requests in each {@code period}; the period starts with a client's first
     * request, and the whole allowance comes back when it ends.
     */
    public record Limit(int capacity, Duration period) {

        public Limit {
            if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("A rate limit needs a positive capacity and period (syncline.rate-limits.*)");
            }
        }
    }

    /**
     * From the {@code threshold}-th failed login for one email on, each failure locks that email for
     * {@code firstDelay}, then twice as long, and so on up to {@code maxDelay}. Failures are remembered
     * until none has happened for {@code window} plus {@code maxDelay} (so that the count outlives the
     * longest lock); a successful login forgets them at once.
     */
    public record FailedLogins(int threshold, Duration window, Duration firstDelay, Duration maxDelay) {

        public FailedLogins {
            if (threshold < 1 || !positive(window) || !positive(firstDelay) || !positive(maxDelay)
                    || maxDelay.compareTo(firstDelay) < 0) {
                throw new IllegalArgumentException("syncline.rate-limits.failed-logins needs a positive threshold, window "
                        + "and delays, with max-delay at least first-delay");
            }
        }

        private static boolean positive(Duration duration) {
            return duration != null && !duration.isNegative() && !duration.isZero();
        }
    }
}
