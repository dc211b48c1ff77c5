package dev.syncline.command.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealing event content with the account's data key, and crypto-shredding it, against a real PostgreSQL database. */
class ContentSealerTest {

    private static final AccountKey ALICE = new AccountKey("workspace-1", "account-alice");
    private static final AccountKey BOB = new AccountKey("workspace-1", "account-bob");
    private static final String BODY = "message-body";
    private static final byte[] CONTENT = "Subject: CANARY quarterly numbers".getBytes(UTF_8);
    private static final VaultTokens TOKENS = new VaultTokens("ya29.CANARY-access", "1//0CANARY-refresh",
            Instant.parse("2026-03-01T10:00:00Z"), Set.of("openid"));

    private static VaultTestDatabase database;
    private static CredentialVault vault;
    private static ContentSealer sealer;

    @BeforeAll
    static void createDatabase() {
        database = VaultTestDatabase.create("ContentSealerTest");
        VaultTestDatabase.Vault parts = database.vault(KeyRing.generate());
        vault = parts.credentials();
        sealer = parts.sealer();
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void connectAccounts() {
        database.clear();
        vault.store(ALICE, "google", TOKENS);
        vault.store(BOB, "microsoft", TOKENS);
    }

    @Test
    void sealedContentOpensForTheSameAccountAndPurpose() {
        byte[] sealed = sealer.seal(ALICE, BODY, CONTENT);

        assertThat(new String(sealed, UTF_8)).doesNotContain("CANARY");
        assertThat(sealer.open(ALICE, BODY, sealed)).isEqualTo(CONTENT);
    }

    @Test
    void sealedContentOpenedForAnotherPurposeFails() {
        byte[] sealed = sealer.seal(ALICE, BODY, CONTENT);

        assertThatThrownBy(() -> sealer.open(ALICE, "calendar-item-description", sealed))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining("calendar-item-description");
    }

    @Test
    void sealedContentOpenedForAnotherAccountFails() {
        byte[] sealed = sealer.seal(ALICE, BODY, CONTENT);

        assertThatThrownBy(() -> sealer.open(BOB, BODY, sealed))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining(BOB.accountId());
    }

    @Test
    void shredRemovesBothRowsAndPreviouslySealedContentCanNoLongerBeOpened() {
        byte[] sealed = sealer.seal(ALICE, BODY, CONTENT);

        vault.shred(ALICE);

        assertThat(database.count("credential_vault", ALICE.accountId())).isZero();
        assertThat(database.count("vault_data_key", ALICE.accountId())).isZero();
        assertThatThrownBy(() -> sealer.open(ALICE, BODY, sealed))
                .isInstanceOf(DataKeyDestroyedException.class)
                .hasMessageContaining(ALICE.accountId())
                .hasMessageNotContaining("CANARY");
    }

    @Test
    void contentSealedBeforeAShredStaysUnreadableAfterTheAccountReconnects() {
        byte[] sealed = sealer.seal(ALICE, BODY, CONTENT);
        vault.shred(ALICE);

        vault.store(ALICE, "google", TOKENS);

        assertThatThrownBy(() -> sealer.open(ALICE, BODY, sealed)).isInstanceOf(DataKeyDestroyedException.class);
        assertThat(sealer.open(ALICE, BODY, sealer.seal(ALICE, BODY, CONTENT))).isEqualTo(CONTENT);
    }

    @Test
    void sealingForAShreddedAccountFailsRatherThanCreatingANewKey() {
        vault.shred(ALICE);

        assertThatThrownBy(() -> sealer.seal(ALICE, BODY, CONTENT)).isInstanceOf(DataKeyDestroyedException.class);
        assertThat(database.count("vault_data_key", ALICE.accountId())).isZero();
    }
}
