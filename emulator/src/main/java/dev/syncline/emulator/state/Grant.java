package dev.syncline.emulator.state;

import dev.syncline.emulator.EmulatedUser;

import java.time.Instant;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a user allowed one client at one provider: the scopes, and the refresh and access tokens
 * issued under it. Revoking the grant kills all of them at once, as both providers do.
 */
public final class Grant {

    private final String id;
    private final EmulatedUser user;
    private final String clientId;
    private final Instant createdAt;
    private final AtomicBoolean revoked = new AtomicBoolean();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    /** Oldest first, so Google's cap can drop the oldest. */
    private final Deque<String> refreshTokens = new ConcurrentLinkedDeque<>();
    private volatile String scope;

    Grant(String id, EmulatedUser user, String clientId, String scope, Instant createdAt) {
        this.id = id;
        this.user = user;
        this.clientId = clientId;
        this.scope = scope;
        this.createdAt = createdAt;
    }

    public String id() {
        return id;
    }

    public EmulatedUser user() {
        return user;
    }

    public String clientId() {
        return clientId;
    }

    public String scope() {
        return scope;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean isRevoked() {
        return revoked.get();
    }

    /** A repeated consent adds scopes to what the client already had (incremental authorization). */
    synchronized void widenScope(String more) {
        Set<String> union = new LinkedHashSet<>(Arrays.asList(scope.split(" ")));
        union.addAll(Arrays.asList(more.split(" ")));
        union.remove("");
        scope = String.join(" ", union);
    }

    /** Answers true only for the call that actually revoked it. */
    boolean markRevoked() {
        return revoked.compareAndSet(false, true);
    }

    Set<String> accessTokens() {
        return accessTokens;
    }

    Deque<String> refreshTokens() {
        return refreshTokens;
    }
}
