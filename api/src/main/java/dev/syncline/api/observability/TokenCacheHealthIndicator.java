package dev.syncline.api.observability;

import dev.syncline.command.token.cache.AccessTokenCache;
import dev.syncline.command.token.cache.TokenCacheState;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code tokenCache} health component: UP with the levels in use, or {@code DEGRADED} while a configured
 * Redis fails. Degraded is not down: lookups fall back to the vault and nobody notices but the latency, so
 * the overall health stays 200 ({@code management.endpoint.health.status} maps it).
 */
@Component("tokenCache")
public class TokenCacheHealthIndicator implements HealthIndicator {

    /** Redis is configured but failing; the vault answers instead. */
    public static final Status DEGRADED = new Status("DEGRADED", "Redis is failing; tokens are read from the vault");

    private final AccessTokenCache cache;

    public TokenCacheHealthIndicator(AccessTokenCache cache) {
        this.cache = cache;
    }

    @Override
    public Health health() {
        TokenCacheState state = cache.state();
        Health.Builder health = state.degraded() ? Health.status(DEGRADED) : Health.up();
        health.withDetail("levels", state.levels())
                .withDetail("inProcessEntries", state.inProcessSize())
                .withDetail("fallbacks", state.fallbacks());
        if (state.degraded()) {
            health.withDetail("lastError", state.lastError()).withDetail("failingSince", state.failingSince().toString());
        }
        return health.build();
    }
}
