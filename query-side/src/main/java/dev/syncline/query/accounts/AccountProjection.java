package dev.syncline.query.accounts;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.TokensIssuedEvent;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code connected_account}: one row per connected account, as its owner sees it.
 *
 * <p>Every write is guarded by the aggregate sequence number of the last event applied to the row, so a
 * replay, a duplicate or a late redelivery of an older event leaves the row as it is. Rows of disconnected
 * accounts stay, so that their owner sees them as disconnected; they never held a token.
 */
@Component
@ProcessingGroup(AccountProjection.PROCESSING_GROUP)
public class AccountProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "accounts";

    private final JdbcClient jdbc;

    public AccountProjection(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @EventHandler
    void on(AccountConnectedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO connected_account (id, workspace_id, owner_id, provider, provider_user_id, email, scopes,
                                                       status, connected_at, updated_at, last_sequence)
                        VALUES (:id, :workspaceId, :ownerId, :provider, :providerUserId, :email, :scopes::text[],
                                'ACTIVE', :at, :at, :sequence)
                        ON CONFLICT (id) DO UPDATE SET
                            workspace_id = EXCLUDED.workspace_id, owner_id = EXCLUDED.owner_id,
                            provider = EXCLUDED.provider, provider_user_id = EXCLUDED.provider_user_id,
                            email = EXCLUDED.email, scopes = EXCLUDED.scopes, status = EXCLUDED.status,
                            access_token_expires_at = NULL, last_refreshed_at = NULL,
                            last_error = NULL, last_error_permanent = FALSE,
                            connected_at = EXCLUDED.connected_at, updated_at = EXCLUDED.updated_at,
                            last_sequence = EXCLUDED.last_sequence
                        WHERE connected_account.last_sequence < EXCLUDED.last_sequence
                        """)
                .param("id", event.accountId())
                .param("workspaceId", event.workspaceId())
                .param("ownerId", event.ownerId())
                .param("provider", event.provider().name())
                .param("providerUserId", event.providerUserId())
                .param("email", event.email())
                .param("scopes", sorted(event.scopes()))
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(TokensIssuedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        tokenRenewed(event.accountId(), event.accessTokenExpiresAt(), event.scopes(), sequence, occurredAt);
    }

    @EventHandler
    void on(AccessTokenRefreshedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        tokenRenewed(event.accountId(), event.accessTokenExpiresAt(), event.scopes(), sequence, occurredAt);
    }

    @EventHandler
    void on(AccessTokenRefreshFailedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        Optional<Provider> provider = providerOf(event.accountId());
        if (provider.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        UPDATE connected_account
                           SET last_error = :lastError, last_error_permanent = :permanent,
                               updated_at = :at, last_sequence = :sequence
                         WHERE id = :id AND last_sequence < :sequence
                        """)
                .param("id", event.accountId())
                .param("lastError", LastErrors.refreshFailed(provider.get(), event))
                .param("permanent", event.permanent())
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        Optional<Provider> provider = providerOf(event.accountId());
        if (provider.isEmpty()) {
            return;
        }
        // The permanent refusal that usually precedes this event says more than its reason does: keep it.
        jdbc.sql("""
                        UPDATE connected_account
                           SET status = 'REAUTHORIZATION_REQUIRED',
                               last_error = CASE WHEN last_error_permanent AND last_error IS NOT NULL
                                                 THEN last_error ELSE :lastError END,
                               last_error_permanent = TRUE,
                               updated_at = :at, last_sequence = :sequence
                         WHERE id = :id AND last_sequence < :sequence
                        """)
                .param("id", event.accountId())
                .param("lastError", LastErrors.reauthorizationRequired(provider.get(), event.reason()))
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(AccountReconnectedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                        UPDATE connected_account
                           SET status = 'ACTIVE', email = :email, scopes = :scopes::text[],
                               last_error = NULL, last_error_permanent = FALSE,
                               updated_at = :at, last_sequence = :sequence
                         WHERE id = :id AND last_sequence < :sequence
                        """)
                .param("id", event.accountId())
                .param("email", event.email())
                .param("scopes", sorted(event.scopes()))
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    @EventHandler
    void on(AccountDisconnectedEvent event, @SequenceNumber long sequence, @Timestamp Instant occurredAt) {
        // The tokens are gone, so an expiry or an old failure would only mislead.
        jdbc.sql("""
                        UPDATE connected_account
                           SET status = :status, access_token_expires_at = NULL,
                               last_error = NULL, last_error_permanent = FALSE,
                               updated_at = :at, last_sequence = :sequence
                         WHERE id = :id AND last_sequence < :sequence
                        """)
                .param("id", event.accountId())
                .param("status", AccountStatus.DISCONNECTED.name())
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM connected_account").update();
    }

    private void tokenRenewed(String accountId, Instant expiresAt, Collection<String> scopes, long sequence, Instant occurredAt) {
        jdbc.sql("""
                        UPDATE connected_account
                           SET access_token_expires_at = :expiresAt, last_refreshed_at = :at,
                               scopes = COALESCE(:scopes::text[], scopes),
                               last_error = NULL, last_error_permanent = FALSE,
                               updated_at = :at, last_sequence = :sequence
                         WHERE id = :id AND last_sequence < :sequence
                        """)
                .param("id", accountId)
                .param("expiresAt", utc(expiresAt))
                .param("scopes", scopes == null || scopes.isEmpty() ? null : sorted(scopes))
                .param("at", utc(occurredAt))
                .param("sequence", sequence)
                .update();
    }

    private Optional<Provider> providerOf(String accountId) {
        return jdbc.sql("SELECT provider FROM connected_account WHERE id = :id")
                .param("id", accountId)
                .query(String.class)
                .optional()
                .map(Provider::valueOf);
    }

    private static String[] sorted(Collection<String> scopes) {
        return scopes == null ? new String[0] : scopes.stream().sorted().toArray(String[]::new);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
