package dev.syncline.command.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import dev.syncline.command.token.AccessTokenRefresher;
import dev.syncline.command.token.GrantRevoker;
import dev.syncline.command.token.RefreshPolicy;
import dev.syncline.command.token.TokenStorage;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.ConnectAccountCommand;
import dev.syncline.messages.account.DisconnectAccountCommand;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.ReplaceRejectedAccessTokenCommand;
import dev.syncline.messages.account.TokensIssuedEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A provider account connected by one user of a workspace, and the life of its OAuth grant: issued,
 * refreshed, refused, re-authorized, revoked. The tokens themselves live in the credential vault; the
 * vault row changes in the same transaction as the event that records the change.
 */
@Aggregate
public class ConnectedAccount {

    @AggregateIdentifier
    private String accountId;
    private String workspaceId;
    private String ownerId;
    private Provider provider;
    private AccountStatus status;
    private Instant accessTokenExpiresAt;
    private Instant lastRefreshedAt;
    private int consecutiveTransientFailures;

    protected ConnectedAccount() {
        // Axon rebuilds the aggregate from its events.
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ConnectAccountCommand command, TokenStorage tokens) {
        if (accountId == null) {
            apply(new AccountConnectedEvent(command.accountId(), command.workspaceId(), command.ownerId(), command.provider(),
                    command.providerUserId(), command.email(), command.tokens().scopes()));
        } else {
            if (!ownerId.equals(command.ownerId()) || !workspaceId.equals(command.workspaceId())) {
                throw new IllegalArgumentException("Account " + accountId + " belongs to another user");
            }
            apply(new AccountReconnectedEvent(accountId, command.email(), command.tokens().scopes(), status));
        }
        apply(tokens.store(key(command.workspaceId(), command.accountId()), command.provider(), command.tokens()));
    }

    @CommandHandler
    RefreshOutcome handle(RefreshAccessTokenCommand command, AccessTokenRefresher refresher, RefreshPolicy policy, Clock clock) {
        if (status != AccountStatus.ACTIVE) {
            throw new AccountNotActiveException(accountId, status);
        }
        if (!command.force() && !policy.isDue(command.trigger(), accessTokenExpiresAt, lastRefreshedAt, clock.instant())) {
            return RefreshOutcome.notNeeded(accessTokenExpiresAt);
        }
        AccessTokenRefresher.Result result = refresher.refresh(key(workspaceId, accountId), provider, command.trigger(),
                consecutiveTransientFailures);
        result.events().forEach(event -> apply(event));
        return result.outcome();
    }

    @CommandHandler
    RefreshOutcome handle(ReplaceRejectedAccessTokenCommand command, AccessTokenRefresher refresher) {
        if (status != AccountStatus.ACTIVE) {
            throw new AccountNotActiveException(accountId, status);
        }
        // Compared to the second: the vault keeps the expiry at a coarser precision than an event may carry.
        if (accessTokenExpiresAt == null || !command.rejectedTokenExpiresAt().truncatedTo(ChronoUnit.SECONDS)
                .equals(accessTokenExpiresAt.truncatedTo(ChronoUnit.SECONDS))) {
            return RefreshOutcome.notNeeded(accessTokenExpiresAt); // Another caller already replaced the rejected token.
        }
        AccessTokenRefresher.Result result = refresher.refresh(key(workspaceId, accountId), provider,
                RefreshTrigger.REJECTED_BY_PROVIDER, consecutiveTransientFailures);
        result.events().forEach(event -> apply(event));
        return result.outcome();
    }

    @CommandHandler
    void handle(DisconnectAccountCommand command, GrantRevoker revoker, TokenStorage tokens) {
        if (status == AccountStatus.DISCONNECTED) {
            return; // Disconnecting twice changes nothing; the first one already destroyed the secrets.
        }
        AccountKey key = key(workspaceId, accountId);
        apply(revoker.revoke(key, provider));
        tokens.shred(key);
        apply(new AccountDisconnectedEvent(accountId, workspaceId));
    }

    @EventSourcingHandler
    void on(AccountConnectedEvent event) {
        accountId = event.accountId();
        workspaceId = event.workspaceId();
        ownerId = event.ownerId();
        provider = event.provider();
        status = AccountStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(AccountReconnectedEvent event) {
        status = AccountStatus.ACTIVE;
        consecutiveTransientFailures = 0;
    }

    @EventSourcingHandler
    void on(TokensIssuedEvent event, @Timestamp Instant at) {
        accessTokenExpiresAt = event.accessTokenExpiresAt();
        lastRefreshedAt = at;
    }

    @EventSourcingHandler
    void on(AccessTokenRefreshedEvent event, @Timestamp Instant at) {
        accessTokenExpiresAt = event.accessTokenExpiresAt();
        lastRefreshedAt = at;
        consecutiveTransientFailures = 0;
    }

    @EventSourcingHandler
    void on(AccessTokenRefreshFailedEvent event) {
        if (!event.permanent()) {
            consecutiveTransientFailures++;
        }
    }

    @EventSourcingHandler
    void on(ReauthorizationRequiredEvent event) {
        status = AccountStatus.REAUTHORIZATION_REQUIRED;
    }

    @EventSourcingHandler
    void on(AccountDisconnectedEvent event) {
        status = AccountStatus.DISCONNECTED;
        accessTokenExpiresAt = null;
    }

    private static AccountKey key(String workspaceId, String accountId) {
        return new AccountKey(workspaceId, accountId);
    }
}
