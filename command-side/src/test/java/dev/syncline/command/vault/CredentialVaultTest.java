package dev.syncline.command.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real PostgreSQL database migrated by Flyway. */
class CredentialVaultTest {

    private static final String WORKSPACE = "workspace-1";
    private static final AccountKey ALICE = new AccountKey(WORKSPACE, "account-alice");
    private static final AccountKey BOB = new AccountKey(WORKSPACE, "account-bob");
    private static final String PROVIDER = "google";
    private static final String ALICE_ACCESS = "ya29.CANARY-alice-access-0c4e";
    private static final String ALICE_REFRESH = "1//0CANARY-alice-refresh-8d1f";
    private static final String BOB_ACCESS = "ya29.CANARY-bob-access-2a9b";
    private static final String BOB_REFRESH = "1//0CANARY-bob-refresh-6e3c";
    private static final Instant EXPIRES_AT = Instant.parse("2026-03-01T10:00:00Z");
    private static final Set<String> SCOPES = Set.of("https://mail.google.com/", "openid");
    private static final VaultTokens ALICE_TOKENS = new VaultTokens(ALICE_ACCESS, ALICE_REFRESH, EXPIRES_AT, SCOPES);
    private static final VaultTokens BOB_TOKENS = new VaultTokens(BOB_ACCESS, BOB_REFRESH, EXPIRES_AT, SCOPES);

    private static VaultTestDatabase database;
    private static CredentialVault vault;
    private static DataKeyStore dataKeys;

    @BeforeAll
    static void createDatabase() {
        database = VaultTestDatabase.create("CredentialVaultTest");
        VaultTestDatabase.Vault parts = database.vault(KeyRing.generate());
        vault = parts.credentials();
        dataKeys = parts.dataKeys();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptyTables() {
        database.clear();
    }

    @Test
    void storedTokensLoadBack() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);

        assertThat(vault.load(ALICE)).contains(ALICE_TOKENS);
    }

    @Test
    void storingAgainReplacesTheTokensAndKeepsTheDataKey() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);
        String dataKeyId = dataKeyId(ALICE);
        VaultTokens withoutRefreshToken = new VaultTokens("ya29.CANARY-new-access", null, EXPIRES_AT.plusSeconds(3600), Set.of());

        vault.store(ALICE, PROVIDER, withoutRefreshToken);

        assertThat(vault.load(ALICE)).contains(withoutRefreshToken);
        assertThat(dataKeyId(ALICE)).isEqualTo(dataKeyId);
    }

    @Test
    void anAccountIdResolvesToItsWorkspaceAndProvider() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);

        assertThat(vault.findAccount(ALICE.accountId())).contains(new StoredAccount(ALICE, PROVIDER));
        assertThat(vault.findAccount(BOB.accountId())).isEmpty();
    }

    @Test
    void anAccountWithoutTokensLoadsAsEmpty() {
        assertThat(vault.load(ALICE)).isEmpty();
    }

    @Test
    void storedBytesContainNoPlaintextTokenButTheDataKeyId() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);

        Map<String, Object> row = database.jdbc()
                .sql("SELECT access_token, refresh_token, scopes FROM credential_vault WHERE account_id = :account")
                .param("account", ALICE.accountId()).query().singleRow();
        byte[] access = (byte[]) row.get("access_token");
        byte[] refresh = (byte[]) row.get("refresh_token");

        assertThat(new String(access, UTF_8)).doesNotContain(ALICE_ACCESS).doesNotContain("CANARY").contains(dataKeyId(ALICE));
        assertThat(new String(refresh, UTF_8)).doesNotContain(ALICE_REFRESH).doesNotContain("CANARY");
        assertThat(row.get("scopes")).isEqualTo("https://mail.google.com/ openid");
    }

    @Test
    void ciphertextCopiedToAnotherAccountFailsToDecrypt() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);
        vault.store(BOB, PROVIDER, BOB_TOKENS);

        database.jdbc().sql("""
                        UPDATE credential_vault SET refresh_token =
                            (SELECT refresh_token FROM credential_vault WHERE account_id = :from)
                        WHERE account_id = :to""")
                .param("from", ALICE.accountId()).param("to", BOB.accountId()).update();

        assertThatThrownBy(() -> vault.load(BOB))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining(BOB.accountId())
                .hasMessageContaining("refresh_token")
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void ciphertextMovedToAnotherFieldOfTheSameRowFailsToDecrypt() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);

        database.jdbc().sql("UPDATE credential_vault SET refresh_token = access_token WHERE account_id = :account")
                .param("account", ALICE.accountId()).update();

        assertThatThrownBy(() -> vault.load(ALICE))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining("refresh_token")
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void tamperedCiphertextFailsToDecrypt() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);
        byte[] access = database.jdbc().sql("SELECT access_token FROM credential_vault WHERE account_id = :account")
                .param("account", ALICE.accountId()).query(byte[].class).single();
        access[access.length - 5] ^= 0x40;

        database.jdbc().sql("UPDATE credential_vault SET access_token = :access WHERE account_id = :account")
                .param("access", access).param("account", ALICE.accountId()).update();

        assertThatThrownBy(() -> vault.load(ALICE))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining(ALICE.accountId())
                .hasMessageContaining("access_token");
    }

    @Test
    void anAccountAskedForUnderAnotherWorkspaceIsNeitherReadNorOverwritten() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);
        AccountKey aliceElsewhere = new AccountKey("workspace-2", ALICE.accountId());

        assertThat(vault.load(aliceElsewhere)).isEmpty();
        assertThatThrownBy(() -> vault.store(aliceElsewhere, PROVIDER, BOB_TOKENS)).isInstanceOf(VaultException.class);
        assertThat(vault.shred(aliceElsewhere)).isFalse();
        assertThat(vault.load(ALICE)).contains(ALICE_TOKENS);
    }

    @Test
    void shredRemovesTheVaultRowAndTheDataKey() {
        vault.store(ALICE, PROVIDER, ALICE_TOKENS);
        vault.store(BOB, PROVIDER, BOB_TOKENS);

        assertThat(vault.shred(ALICE)).isTrue();

        assertThat(database.count("credential_vault", ALICE.accountId())).isZero();
        assertThat(database.count("vault_data_key", ALICE.accountId())).isZero();
        assertThat(vault.load(ALICE)).isEmpty();
        assertThat(dataKeys.exists(ALICE)).isFalse();
        assertThat(vault.load(BOB)).contains(BOB_TOKENS);
        assertThat(vault.shred(ALICE)).isFalse();
    }

    @Test
    void aRolledBackTransactionLeavesNoVaultRow() {
        database.transactions().executeWithoutResult(status -> {
            vault.store(ALICE, PROVIDER, ALICE_TOKENS);
            assertThat(vault.load(ALICE)).contains(ALICE_TOKENS);
            status.setRollbackOnly();
        });

        assertThat(database.count("credential_vault", ALICE.accountId())).isZero();
        assertThat(database.count("vault_data_key", ALICE.accountId())).isZero();
    }

    @Test
    void aFailureInsideTheTransactionRollsTheVaultRowBack() {
        assertThatThrownBy(() -> database.transactions().executeWithoutResult(status -> {
            vault.store(ALICE, PROVIDER, ALICE_TOKENS);
            throw new IllegalStateException("event store append failed");
        })).hasMessage("event store append failed");

        assertThat(vault.load(ALICE)).isEmpty();
        assertThat(database.count("vault_data_key", ALICE.accountId())).isZero();
    }

    @Test
    void aCommittedTransactionKeepsTheVaultRow() {
        database.transactions().executeWithoutResult(status -> vault.store(ALICE, PROVIDER, ALICE_TOKENS));

        assertThat(vault.load(ALICE)).contains(ALICE_TOKENS);
    }

    private static String dataKeyId(AccountKey account) {
        return database.jdbc().sql("SELECT data_key_id FROM vault_data_key WHERE account_id = :account")
                .param("account", account.accountId()).query(String.class).single();
    }
}
