package dev.syncline.api.accounts;

import dev.syncline.api.security.Sha256;
import dev.syncline.messages.account.Provider;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One-time {@code state} values of the connect flow, each bound to the user who started it, its provider
 * and its PKCE verifier, valid for ten minutes. Only a hash of the state is stored; consuming it deletes
 * the row in the same statement, so a state can be used once even under concurrent callbacks.
 */
@Component
public class ConnectStateStore {

    static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    /** What a started flow remembers for its callback. */
    public record PendingConnect(String userId, String workspaceId, Provider provider, String redirectUri, String codeVerifier) {

        @Override
        public String toString() {
            return "PendingConnect[userId=" + userId + ", provider=" + provider + ", codeVerifier=<redacted>]";
        }
    }

    private record StoredState(Instant expiresAt, PendingConnect pending) {
    }

    public ConnectStateStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new unguessable state value (256 random bits). */
    public String newState() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public Instant remember(String state, PendingConnect pending) {
        Instant expiresAt = clock.instant().plus(LIFETIME);
        jdbc.sql("""
                INSERT INTO oauth_connect_state (state_hash, user_id, workspace_id, provider, redirect_uri, code_verifier, created_at, expires_at)
                VALUES (:hash, :user, :workspace, :provider, :redirect, :verifier, :now, :expires)""")
                .param("hash", Sha256.hex(state))
                .param("user", UUID.fromString(pending.userId()))
                .param("workspace", UUID.fromString(pending.workspaceId()))
                .param("provider", pending.provider().id())
                .param("redirect", pending.redirectUri())
                .param("verifier", pending.codeVerifier())
                .param("now", Timestamp.from(clock.instant()))
                .param("expires", Timestamp.from(expiresAt))
                .update();
        return expiresAt;
    }

    /**
     * Takes the state for good if it was issued to this user for this provider and has not expired.
     * A state presented by another user stays in place for its owner.
     */
    public Optional<PendingConnect> consume(String state, String userId, Provider provider) {
        if (state == null || state.isBlank() || state.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        DELETE FROM oauth_connect_state
                        WHERE state_hash = :hash AND user_id = :user AND provider = :provider
                        RETURNING user_id, workspace_id, redirect_uri, code_verifier, expires_at""")
                .param("hash", Sha256.hex(state))
                .param("user", UUID.fromString(userId))
                .param("provider", provider.id())
                .query((rs, row) -> new StoredState(rs.getTimestamp("expires_at").toInstant(),
                        new PendingConnect(rs.getString("user_id"), rs.getString("workspace_id"), provider,
                                rs.getString("redirect_uri"), rs.getString("code_verifier"))))
                .optional()
                .filter(stored -> stored.expiresAt().isAfter(clock.instant()))
                .map(StoredState::pending);
    }

    /** Removes states that expired unused; called on each new flow so the table stays small. */
    public void purgeExpired() {
        jdbc.sql("DELETE FROM oauth_connect_state WHERE expires_at < :now")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

}
