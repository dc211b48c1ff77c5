package dev.syncline.command.token.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.StoredAccount;
import java.util.Optional;

/**
 * Which workspace and provider each account belongs to, remembered in memory: that never changes for an
 * account id, and a cached token lookup needs it to name the Redis key. Forgotten when the account is
 * disconnected.
 */
public final class KnownAccounts {

    private final CredentialVault vault;
    private final Cache<String, StoredAccount> accounts;

    public KnownAccounts(CredentialVault vault, long maxSize) {
        this.vault = vault;
        this.accounts = Caffeine.newBuilder().maximumSize(maxSize).build();
    }

    public Optional<StoredAccount> find(String accountId) {
        StoredAccount known = accounts.getIfPresent(accountId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<StoredAccount> stored = vault.findAccount(accountId);
        stored.ifPresent(account -> accounts.put(accountId, account));
        return stored;
    }

    public void forget(String accountId) {
        accounts.invalidate(accountId);
    }
}
