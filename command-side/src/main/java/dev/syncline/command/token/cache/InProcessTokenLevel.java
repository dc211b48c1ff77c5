package dev.syncline.command.token.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.syncline.messages.account.ValidAccessToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Level 1: this node's tokens in memory, by account id, bounded in size. Each entry expires when its token
 * enters the refresh buffer, so it expires with the token even while Redis and its invalidations are away.
 */
final class InProcessTokenLevel {

    private final Cache<String, ValidAccessToken> tokens;
    private final Duration refreshBuffer;
    private final Clock clock;

    InProcessTokenLevel(long maxSize, Duration refreshBuffer, Clock clock) {
        this.refreshBuffer = refreshBuffer;
        this.clock = clock;
        this.tokens = Caffeine.newBuilder()
                .maximumSize(maxSize)
                .expireAfter(new UntilRefreshBuffer())
                .build();
    }

    Optional<ValidAccessToken> find(String accountId) {
        return Optional.ofNullable(tokens.getIfPresent(accountId));
    }

    /** Replaces the account's entry: the token was just written. One already within the buffer only removes it. */
    void put(ValidAccessToken token) {
        if (lifetime(token) > 0) {
            tokens.put(token.accountId(), token);
        } else {
            tokens.invalidate(token.accountId());
        }
    }

    /** Keeps whichever token lives longer: a read from the vault must not replace a newer token written meanwhile. */
    void putIfNewer(ValidAccessToken token) {
        if (lifetime(token) > 0) {
            tokens.asMap().merge(token.accountId(), token,
                    (present, offered) -> offered.expiresAt().isAfter(present.expiresAt()) ? offered : present);
        }
    }

    void evict(String accountId) {
        tokens.invalidate(accountId);
    }

    void clear() {
        tokens.invalidateAll();
    }

    long size() {
        tokens.cleanUp();
        return tokens.estimatedSize();
    }

    private long lifetime(ValidAccessToken token) {
        return Duration.between(clock.instant(), token.expiresAt().minus(refreshBuffer)).toNanos();
    }

    private final class UntilRefreshBuffer implements Expiry<String, ValidAccessToken> {

        @Override
        public long expireAfterCreate(String accountId, ValidAccessToken token, long currentTime) {
            return Math.max(0, lifetime(token));
        }

        @Override
        public long expireAfterUpdate(String accountId, ValidAccessToken token, long currentTime, long currentDuration) {
            return Math.max(0, lifetime(token));
        }

        @Override
        public long expireAfterRead(String accountId, ValidAccessToken token, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
