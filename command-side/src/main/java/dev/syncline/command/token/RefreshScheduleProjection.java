package dev.syncline.command.token;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.TokensIssuedEvent;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each active account's token should next be looked at: ahead of expiry, at the keep-alive
 * interval, or when a transient failure said to try again. Built from events, so it survives restarts
 * and can be rebuilt by replay; accounts that need re-authorization or were disconnected leave it.
 */
@Component
@ProcessingGroup(RefreshScheduleProjection.PROCESSING_GROUP)
public class RefreshScheduleProjection {

    public static final String PROCESSING_GROUP = "token-refresh-schedule";

    private final JdbcClient jdbc;
    private final RefreshPolicy policy;

    public RefreshScheduleProjection(JdbcClient jdbc, RefreshPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @EventHandler
    void on(TokensIssuedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        schedule(event.accountId(), policy.nextRefreshAt(event.accessTokenExpiresAt(), at));
    }

    @EventHandler
    void on(AccessTokenRefreshedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        schedule(event.accountId(), policy.nextRefreshAt(event.accessTokenExpiresAt(), at));
    }

    @EventHandler
    void on(AccessTokenRefreshFailedEvent event) {
        if (!event.permanent() && event.nextAttemptAt() != null) {
            schedule(event.accountId(), event.nextAttemptAt());
        }
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event) {
        unschedule(event.accountId());
    }

    @EventHandler
    void on(AccountDisconnectedEvent event) {
        unschedule(event.accountId());
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM token_refresh_schedule").update();
    }

    private void schedule(String accountId, Instant nextRefreshAt) {
        jdbc.sql("""
                INSERT INTO token_refresh_schedule (account_id, next_refresh_at) VALUES (:id, :at)
                ON CONFLICT (account_id) DO UPDATE SET next_refresh_at = EXCLUDED.next_refresh_at
                """)
                .param("id", accountId)
                .param("at", Timestamp.from(nextRefreshAt))
                .update();
    }

    private void unschedule(String accountId) {
        jdbc.sql("DELETE FROM token_refresh_schedule WHERE account_id = :id").param("id", accountId).update();
    }
}
