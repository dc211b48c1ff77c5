package dev.syncline.command.token;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.TokenFingerprinter;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.messages.account.IssuedTokens;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.TokensIssuedEvent;
import org.springframework.stereotype.Component;

/**
 * Puts newly issued tokens into the vault and describes them as an event with fingerprints only. Runs
 * inside the command's transaction, so the vault row and the event commit together or not at all.
 */
@Component
public class TokenStorage {

    private final CredentialVault vault;
    private final TokenFingerprinter fingerprinter;

    public TokenStorage(CredentialVault vault, TokenFingerprinter fingerprinter) {
        this.vault = vault;
        this.fingerprinter = fingerprinter;
    }

    public TokensIssuedEvent store(AccountKey account, Provider provider, IssuedTokens tokens) {
        vault.store(account, provider.id(), new VaultTokens(tokens.accessToken(), tokens.refreshToken(),
                tokens.accessTokenExpiresAt(), tokens.scopes()));
        return new TokensIssuedEvent(account.accountId(), fingerprinter.fingerprint(tokens.accessToken()),
                tokens.refreshToken() == null ? null : fingerprinter.fingerprint(tokens.refreshToken()),
                tokens.accessTokenExpiresAt(), tokens.scopes());
    }

    /** Deletes the account's tokens and destroys its data key. */
    public void shred(AccountKey account) {
        vault.shred(account);
    }
}
