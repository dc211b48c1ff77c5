package dev.syncline.command.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Function;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class AesGcmTest {

    private static final String KEY_ID = "dk1";
    private static final AccountKey ACCOUNT = new AccountKey("workspace-1", "account-1");
    private static final String CANARY = "ya29.CANARY-access-token-4f1c";
    private static final byte[] PLAINTEXT = CANARY.getBytes(UTF_8);
    private static final AssociatedData ACCESS_TOKEN = AssociatedData.field(ACCOUNT, "access_token");

    private final SecretKey key = KeyRing.randomKey();
    private final Function<String, SecretKey> keys = id -> {
        if (!id.equals(KEY_ID)) {
            throw new UnknownKeyException("no key " + id);
        }
        return key;
    };
    private final AesGcm aesGcm = new AesGcm();

    @Test
    void sealedBytesOpenToThePlaintext() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);

        assertThat(aesGcm.open(sealed, ACCESS_TOKEN, keys)).isEqualTo(PLAINTEXT);
    }

    @Test
    void sealingTheSameValueTwiceGivesDifferentCiphertexts() {
        assertThat(aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT))
                .isNotEqualTo(aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT));
    }

    @Test
    void ciphertextFollowsTheDocumentedLayoutWithTheKeyIdInItsHeader() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed[1]).isEqualTo((byte) 3);
        assertThat(new String(sealed, 2, 3, UTF_8)).isEqualTo(KEY_ID);
        assertThat(AesGcm.keyId(sealed, ACCESS_TOKEN)).isEqualTo(KEY_ID);
        assertThat(sealed).hasSize(1 + 1 + 3 + 12 + PLAINTEXT.length + 16);
    }

    @Test
    void changingAnyByteMakesOpeningFail() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);
        int headerLength = 2 + KEY_ID.length();

        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            var failure = assertThatThrownBy(() -> aesGcm.open(tampered, ACCESS_TOKEN, keys)).as("byte %d changed", i);
            if (i < headerLength) {
                failure.isInstanceOf(VaultException.class);
            } else {
                failure.isInstanceOf(VaultIntegrityException.class);
            }
        }
    }

    @Test
    void truncatedCiphertextFails() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);

        assertThatThrownBy(() -> aesGcm.open(Arrays.copyOf(sealed, sealed.length - 1), ACCESS_TOKEN, keys))
                .isInstanceOf(VaultIntegrityException.class);
        assertThatThrownBy(() -> aesGcm.open(Arrays.copyOf(sealed, 20), ACCESS_TOKEN, keys))
                .isInstanceOf(VaultIntegrityException.class);
        assertThatThrownBy(() -> aesGcm.open(new byte[0], ACCESS_TOKEN, keys))
                .isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void ciphertextOpenedForAnotherAccountFailsNamingAccountAndFieldButNotTheSecret() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);
        AssociatedData otherAccount = AssociatedData.field(new AccountKey("workspace-1", "account-2"), "access_token");

        assertThatThrownBy(() -> aesGcm.open(sealed, otherAccount, keys))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining("account-2")
                .hasMessageContaining("access_token")
                .hasMessageNotContaining(CANARY);
    }

    @Test
    void ciphertextOpenedForAnotherFieldFails() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);

        assertThatThrownBy(() -> aesGcm.open(sealed, AssociatedData.field(ACCOUNT, "refresh_token"), keys))
                .isInstanceOf(VaultIntegrityException.class)
                .hasMessageContaining("refresh_token");
    }

    @Test
    void ciphertextOpenedForAnotherWorkspaceFails() {
        byte[] sealed = aesGcm.seal(KEY_ID, key, ACCESS_TOKEN, PLAINTEXT);
        AssociatedData otherWorkspace = AssociatedData.field(new AccountKey("workspace-2", "account-1"), "access_token");

        assertThatThrownBy(() -> aesGcm.open(sealed, otherWorkspace, keys)).isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void ciphertextOpenedWithAnotherKeyFails() {
        byte[] sealed = aesGcm.seal(KEY_ID, KeyRing.randomKey(), ACCESS_TOKEN, PLAINTEXT);

        assertThatThrownBy(() -> aesGcm.open(sealed, ACCESS_TOKEN, keys)).isInstanceOf(VaultIntegrityException.class);
    }

    @Test
    void ciphertextUnderAnUnknownKeyIdFailsLoudly() {
        KeyRing ring = KeyRing.generate();
        byte[] sealed = aesGcm.seal("k9", KeyRing.randomKey(), ACCESS_TOKEN, PLAINTEXT);

        assertThatThrownBy(() -> aesGcm.open(sealed, ACCESS_TOKEN, ring::key))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("'k9'");
    }
}
