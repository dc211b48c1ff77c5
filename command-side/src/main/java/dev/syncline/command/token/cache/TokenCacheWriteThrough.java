package dev.syncline.command.token.cache;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.messages.account.AccessTokenRefreshedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.GrantRevokedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.account.TokensIssuedEvent;
import dev.syncline.messages.account.ValidAccessToken;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Keeps the token cache in step with every token event. Runs in a subscribing processor, inside the
 * command's transaction, so it reads the vault row the command just wrote; it changes the cache only after
 * that transaction commits, so an uncommitted token is never cached and a rolled-back refresh leaves the
 * cache alone. Events carry fingerprints, never tokens: the new token comes from the vault.
 */
@Component
@ProcessingGroup(TokenCacheWriteThrough.PROCESSING_GROUP)
public class TokenCacheWriteThrough {

    /** The processing group, configured as subscribing, that writes the cache through. */
    public static final String PROCESSING_GROUP = "token-cache";

    private final CredentialVault vault;
    private final AccessTokenCache cache;
    private final KnownAccounts accounts;

    public TokenCacheWriteThrough(CredentialVault vault, AccessTokenCache cache, KnownAccounts accounts) {
        this.vault = vault;
        this.cache = cache;
        this.accounts = accounts;
    }

    @EventHandler
    void on(TokensIssuedEvent event) {
        writeStoredToken(event.accountId());
    }

    @EventHandler
    void on(AccessTokenRefreshedEvent event) {
        writeStoredToken(event.accountId());
    }

    @EventHandler
    void on(AccountReconnectedEvent event) {
        evict(event.accountId());
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event) {
        evict(event.accountId());
    }

    @EventHandler
    void on(GrantRevokedEvent event) {
        evict(event.accountId());
    }

    @EventHandler
    void on(AccountDisconnectedEvent event) {
        AccountKey account = new AccountKey(event.workspaceId(), event.accountId());
        afterCommit(() -> {
            cache.evict(account);
            accounts.forget(event.accountId());
        });
    }

    private void writeStoredToken(String accountId) {
        vault.findAccount(accountId).ifPresent(stored -> vault.load(stored.key()).ifPresent(tokens -> {
            ValidAccessToken token = new ValidAccessToken(accountId, provider(stored), tokens.accessToken(),
                    tokens.accessTokenExpiresAt());
            afterCommit(() -> cache.write(stored.key(), token));
        }));
    }

    private void evict(String accountId) {
        vault.findAccount(accountId).ifPresent(stored -> afterCommit(() -> cache.evict(stored.key())));
    }

    private static Provider provider(StoredAccount stored) {
        return Provider.fromId(stored.provider())
                .orElseThrow(() -> new IllegalStateException("Unknown provider '" + stored.provider() + "'"));
    }

    private static void afterCommit(Runnable action) {
        if (CurrentUnitOfWork.isStarted()) {
            // The root: a subscribing processor handles the events in a unit of work nested in the command's.
            CurrentUnitOfWork.get().root().afterCommit(unitOfWork -> action.run());
        } else {
            action.run();
        }
    }
}
