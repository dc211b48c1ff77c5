package dev.syncline.command.token;

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
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Answers the internal question "give me a token I can use now": the stored one while it is valid beyond
 * the refresh buffer, otherwise a refreshed one. However many callers ask at once, the account command
 * lock lets only the first reach the provider; the others find its token in the vault.
 */
@Component
public class ValidAccessTokenQueryHandler {

    private final CredentialVault vault;
    private final RefreshPolicy policy;
    private final CommandGateway commands;
    private final Clock clock;

    public ValidAccessTokenQueryHandler(CredentialVault vault, RefreshPolicy policy, CommandGateway commands, Clock clock) {
        this.vault = vault;
        this.policy = policy;
        this.commands = commands;
        this.clock = clock;
    }

    @QueryHandler
    public ValidAccessToken handle(FindValidAccessTokenQuery query) {
        StoredAccount stored = vault.findAccount(query.accountId())
                .orElseThrow(() -> new AccessTokenUnavailableException(query.accountId(), "no tokens are stored for it"));
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
        return new ValidAccessToken(query.accountId(), Provider.fromId(stored.provider()).orElseThrow(),
                tokens.accessToken(), tokens.accessTokenExpiresAt());
    }

    private VaultTokens load(AccountKey account) {
        return vault.load(account)
                .orElseThrow(() -> new AccessTokenUnavailableException(account.accountId(), "no tokens are stored for it"));
    }
}
