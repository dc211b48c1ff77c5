package dev.syncline.command.vault;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores each connected account's provider tokens in table {@code credential_vault}, encrypted with
 * the account's data key and bound to workspace, account and column.
 *
 * <p>Writes join the caller's Spring transaction, so the vault row commits or rolls back together
 * with the Axon event that records the change. Expiry and scopes are stored in clear: events carry
 * them anyway, and queries for tokens due for refresh need them.
 */
public class CredentialVault {

    static final String ACCESS_TOKEN = "access_token";
    static final String REFRESH_TOKEN = "refresh_token";

    private final JdbcClient jdbc;
    private final DataKeyStore dataKeys;
    private final AesGcm aesGcm;

    public CredentialVault(JdbcClient jdbc, DataKeyStore dataKeys, AesGcm aesGcm) {
        this.jdbc = jdbc;
        this.dataKeys = dataKeys;
        this.aesGcm = aesGcm;
    }

    /**
     * Inserts or replaces the account's tokens, creating its data key first if it has none. Every field
     * is replaced: to keep a refresh token the provider did not rotate, pass it again
     * ({@link VaultTokens#withAccessToken}).
     */
    public void store(AccountKey account, String provider, VaultTokens tokens) {
        if (provider == null || provider.isBlank()) {
            throw new IllegalArgumentException("provider must not be blank");
        }
        DataKey dataKey = dataKeys.obtain(account);
        int updated = jdbc.sql("""
                        INSERT INTO credential_vault (account_id, workspace_id, provider, access_token, refresh_token,
                                                      access_token_expires_at, scopes, updated_at)
                        VALUES (:account, :workspace, :provider, :access, :refresh, :expiresAt, :scopes, now())
                        ON CONFLICT (account_id) DO UPDATE SET
                            provider = EXCLUDED.provider, access_token = EXCLUDED.access_token,
                            refresh_token = EXCLUDED.refresh_token,
                            access_token_expires_at = EXCLUDED.access_token_expires_at,
                            scopes = EXCLUDED.scopes, updated_at = now()
                        WHERE credential_vault.workspace_id = EXCLUDED.workspace_id""")
                .param("account", account.accountId())
                .param("workspace", account.workspaceId())
                .param("provider", provider)
                .param("access", seal(account, ACCESS_TOKEN, dataKey, tokens.accessToken()))
                .param("refresh", tokens.refreshToken() == null ? null : seal(account, REFRESH_TOKEN, dataKey, tokens.refreshToken()))
                .param("expiresAt", Timestamp.from(tokens.accessTokenExpiresAt()))
                .param("scopes", String.join(" ", new TreeSet<>(tokens.scopes())))
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Account '" + account.accountId() + "' is held by another workspace than '"
                    + account.workspaceId() + "'");
        }
    }

    /**
     * The account's tokens, or empty if the vault holds none for it in that workspace.
     *
     * @throws VaultIntegrityException if a stored ciphertext was altered or belongs to another row
     * @throws UnknownKeyException     if the data key is wrapped with a retired key-encryption key
     */
    public Optional<VaultTokens> load(AccountKey account) {
        Optional<Row> found = jdbc.sql("""
                        SELECT access_token, refresh_token, access_token_expires_at, scopes FROM credential_vault
                        WHERE account_id = :account AND workspace_id = :workspace""")
                .param("account", account.accountId())
                .param("workspace", account.workspaceId())
                .query(Row.class)
                .optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Row row = found.get();
        DataKey dataKey = dataKeys.find(account).orElseThrow(() -> new DataKeyDestroyedException(
                "Account '" + account.accountId() + "' has vault tokens but no data key"));
        return Optional.of(new VaultTokens(
                open(account, ACCESS_TOKEN, dataKey, row.accessToken()),
                row.refreshToken() == null ? null : open(account, REFRESH_TOKEN, dataKey, row.refreshToken()),
                row.accessTokenExpiresAt().toInstant(),
                parseScopes(row.scopes())));
    }

    /**
     * Which workspace and provider the vault's tokens for an account belong to, found by account id
     * alone. For internal callers that only know the account id; it is not a tenant-scoped lookup.
     */
    public Optional<StoredAccount> findAccount(String accountId) {
        return jdbc.sql("SELECT workspace_id, provider FROM credential_vault WHERE account_id = :account")
                .param("account", accountId)
                .query((rs, row) -> new StoredAccount(new AccountKey(rs.getString("workspace_id"), accountId),
                        rs.getString("provider")))
                .optional();
    }

    /**
     * Crypto-shreds the account: deletes its vault row and destroys its data key in one statement, after
     * which nothing sealed with that key, event content included, can be opened again.
     *
     * @return whether there was anything to shred
     */
    public boolean shred(AccountKey account) {
        return dataKeys.destroy(account);
    }

    private byte[] seal(AccountKey account, String field, DataKey dataKey, String token) {
        return aesGcm.seal(dataKey.id(), dataKey.key(), AssociatedData.field(account, field), token.getBytes(StandardCharsets.UTF_8));
    }

    private String open(AccountKey account, String field, DataKey dataKey, byte[] sealed) {
        AssociatedData binding = AssociatedData.field(account, field);
        byte[] plaintext = aesGcm.open(sealed, binding, keyId -> requireSameKey(binding, dataKey, keyId));
        try {
            return new String(plaintext, StandardCharsets.UTF_8);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    private static SecretKey requireSameKey(AssociatedData binding, DataKey dataKey, String keyId) {
        // The vault row and its data key are created and shredded together, so another key id means the
        // ciphertext was copied from another account or altered, not that a key was destroyed.
        if (!dataKey.id().equals(keyId)) {
            throw new VaultIntegrityException("Ciphertext of " + binding.describe() + " names data key '" + keyId
                    + "' but the account's data key is '" + dataKey.id() + "': it belongs to another account or was altered");
        }
        return dataKey.key();
    }

    private static Set<String> parseScopes(String scopes) {
        return scopes == null || scopes.isBlank() ? Set.of()
                : Arrays.stream(scopes.trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
    }

    record Row(byte[] accessToken, byte[] refreshToken, Timestamp accessTokenExpiresAt, String scopes) {
    }
}
