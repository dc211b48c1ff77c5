package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Key-encryption key versions and rewrapping, against a real PostgreSQL database. */
class KeyRotationTest {

    private static final String WORKSPACE = "workspace-1";
    private static final AccountKey OLD_ACCOUNT = new AccountKey(WORKSPACE, "account-old");
    private static final AccountKey NEW_ACCOUNT = new AccountKey(WORKSPACE, "account-new");
    private static final VaultTokens TOKENS = new VaultTokens("ya29.CANARY-access", "1//0CANARY-refresh",
            Instant.parse("2026-03-01T10:00:00Z"), Set.of("openid"));

    private static VaultTestDatabase database;

    private final KeyRing firstRing = KeyRing.generate();
    private final KeyRing rotatedRing = firstRing.rotate();

    @BeforeAll
    static void createDatabase() {
        database = VaultTestDatabase.create("KeyRotationTest");
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
    void anOldVersionStillDecryptsAfterANewVersionBecomesActive() {
        database.vault(firstRing).credentials().store(OLD_ACCOUNT, "google", TOKENS);

        assertThat(database.vault(rotatedRing).credentials().load(OLD_ACCOUNT)).contains(TOKENS);
    }

    @Test
    void newDataKeysAreWrappedWithTheNewestVersion() {
        database.vault(firstRing).credentials().store(OLD_ACCOUNT, "google", TOKENS);
        VaultTestDatabase.Vault rotated = database.vault(rotatedRing);

        rotated.credentials().store(NEW_ACCOUNT, "microsoft", TOKENS);

        assertThat(rotated.dataKeys().countByKeyEncryptionKey()).isEqualTo(Map.of("k1", 1L, "k2", 1L));
        assertThat(AesGcm.keyId(wrappedKey(NEW_ACCOUNT), AssociatedData.field(NEW_ACCOUNT, "data_key"))).isEqualTo("k2");
    }

    @Test
    void rewrapBatchesMoveRowsToTheActiveVersionAndAnotherPassMovesNothing() {
        VaultTestDatabase.Vault first = database.vault(firstRing);
        for (int i = 0; i < 3; i++) {
            first.credentials().store(new AccountKey(WORKSPACE, "account-" + i), "google", TOKENS);
        }
        DataKeyStore rotated = database.vault(rotatedRing).dataKeys();

        DataKeyStore.RewrapBatch first2 = rotated.rewrapBatchAfter("", 2);
        assertThat(first2.moved()).isEqualTo(2);
        assertThat(rotated.countByKeyEncryptionKey()).isEqualTo(Map.of("k1", 1L, "k2", 2L));
        assertThat(rotated.rewrapBatchAfter(first2.lastAccountId(), 2).moved()).isEqualTo(1);
        assertThat(rotated.rewrapBatchAfter("", 2).examined()).isZero();
        assertThat(rotated.countByKeyEncryptionKey()).isEqualTo(Map.of("k2", 3L));

        KeyRing withoutFirstVersion = new KeyRing(Map.of("k2", rotatedRing.key("k2")), "k2", rotatedRing.fingerprintKey());
        CredentialVault afterRetirement = database.vault(withoutFirstVersion).credentials();
        for (int i = 0; i < 3; i++) {
            assertThat(afterRetirement.load(new AccountKey(WORKSPACE, "account-" + i))).contains(TOKENS);
        }
    }

    @Test
    void rewrappingKeepsSealedContentReadable() {
        VaultTestDatabase.Vault first = database.vault(firstRing);
        first.dataKeys().createIfAbsent(OLD_ACCOUNT);
        byte[] sealed = first.sealer().seal(OLD_ACCOUNT, "message-body", "Hello".getBytes());
        VaultTestDatabase.Vault rotated = database.vault(rotatedRing);

        rotated.dataKeys().rewrapBatchAfter("", 10);

        assertThat(rotated.sealer().open(OLD_ACCOUNT, "message-body", sealed)).isEqualTo("Hello".getBytes());
    }

    @Test
    void aRowWrappedWithARetiredVersionFailsLoudly() {
        database.vault(firstRing).credentials().store(OLD_ACCOUNT, "google", TOKENS);
        KeyRing withoutFirstVersion = new KeyRing(Map.of("k2", rotatedRing.key("k2")), "k2", rotatedRing.fingerprintKey());

        assertThatThrownBy(() -> database.vault(withoutFirstVersion).credentials().load(OLD_ACCOUNT))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("'k1'");
    }

    private static byte[] wrappedKey(AccountKey account) {
        return database.jdbc().sql("SELECT wrapped_key FROM vault_data_key WHERE account_id = :account")
                .param("account", account.accountId()).query(byte[].class).single();
    }
}
