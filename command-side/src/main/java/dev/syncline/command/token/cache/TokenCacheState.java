package dev.syncline.command.token.cache;

import java.time.Instant;
import java.util.List;

/**
 * What the health endpoint tells about the token cache.
 *
 * @param levels         the levels in use, nearest first
 * @param degraded       Redis is configured but failing: lookups fall back to the vault
 * @param lastError      the class of the last Redis error, {@code null} if there was none
 * @param failingSince   since when Redis has been failing, {@code null} while it works
 * @param fallbacks      Redis calls that failed or were skipped since start
 * @param inProcessSize  about how many tokens this node holds in memory
 */
public record TokenCacheState(List<String> levels, boolean degraded, String lastError, Instant failingSince,
                              long fallbacks, long inProcessSize) {
}
