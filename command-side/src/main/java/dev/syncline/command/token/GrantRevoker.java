package dev.syncline.command.token;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.GrantRevokedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.RevocationOutcome;
import dev.syncline.providers.oauth.TokenRevocationClient;
import org.springframework.stereotype.Component;

/** Asks the provider to revoke an account's grant before its secrets are destroyed. */
@Component
public class GrantRevoker {

    private final CredentialVault vault;
    private final TokenRevocationClient revocation;

    public GrantRevoker(CredentialVault vault, TokenRevocationClient revocation) {
        this.vault = vault;
        this.revocation = revocation;
    }

    public GrantRevokedEvent revoke(AccountKey account, Provider provider) {
        VaultTokens tokens = vault.load(account).orElse(null);
        if (tokens == null) {
            return new GrantRevokedEvent(account.accountId(), RevocationOutcome.FAILED, "no stored tokens to revoke");
        }
        // Revoking the refresh token ends the whole grant; the access token is the fallback when there is none.
        String token = tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken();
        TokenRevocationClient.Result result = revocation.revoke(provider, token);
        return new GrantRevokedEvent(account.accountId(), result.outcome(), result.detail());
    }
}
