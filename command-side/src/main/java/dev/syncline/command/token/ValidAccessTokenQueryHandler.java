package dev.syncline.command.token;

import dev.syncline.command.token.cache.AccessTokenCache;
import dev.syncline.command.token.cache.KnownAccounts;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.StoredAccount;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.RefreshTrigger;
import dev.syncline.messages.account.ValidAccessToken;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the internal question "give me a token I can use now": the cached one if a cache level holds it,
 * else the stored one while it is valid beyond the refresh buffer, otherwise a refreshed one. However many
 * callers ask at once, the account command lock lets only the first reach the provider; the others find its
 * token in the vault. Cached tokens live only until the refresh buffer, so a hit never needs a refresh.
 */
@Component
public class ValidAccessTokenQueryHandler {

    private final CredentialVault vault;
    private final KnownAccounts accounts;
    private final AccessTokenCache cache;
    private final RefreshPolicy policy;
    private final CommandGateway commands;
    private final Clock clock;

    public ValidAccessTokenQueryHandler(CredentialVault vault, KnownAccounts accounts, AccessTokenCache cache,
                                        RefreshPolicy policy, CommandGateway commands, Clock clock) {
        this.vault = vault;
        this.accounts = accounts;
        this.cache = cache;
        this.policy = policy;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryHandler
    public ValidAccessToken handle(FindValidAccessTokenQuery query) {
        StoredAccount stored = accounts.find(query.accountId())
                .orElseThrow(() -> new AccessTokenUnavailableException(query.accountId(), "no tokens are stored for it"));
        Optional<ValidAccessToken> cached = cache.find(stored);
        if (cached.isPresent() && !policy.isExpiring(cached.get().expiresAt(), clock.instant())) {
            return cached.get();
        }
        AccountKey account = stored.key();
        VaultTokens tokens = load(account);
        if (policy.isExpiring(tokens.accessTokenExpiresAt(), clock.instant())) {
            RefreshOutcome outcome = commands.sendAndWait(
                    new RefreshAccessTokenCommand(query.accountId(), RefreshTrigger.EXPIRING, false),
                    MetaData.with("actor", "system").and("cause", "token-expiring"));
            if (!outcome.succeeded()) {
                throw new AccessTokenUnavailableException(query.accountId(), outcome.error());
            }
            tokens = load(account);
        }
        ValidAccessToken token = new ValidAccessToken(query.accountId(), Provider.fromId(stored.provider()).orElseThrow(),
                tokens.accessToken(), tokens.accessTokenExpiresAt());
        cache.rememberFromVault(stored, token);
        return token;
    }

    private VaultTokens load(AccountKey account) {
        return vault.load(account)
                .orElseThrow(() -> new AccessTokenUnavailableException(account.accountId(), "no tokens are stored for it"));
    }
}
