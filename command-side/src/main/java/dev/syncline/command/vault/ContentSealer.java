package dev.syncline.command.vault;

import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * Seals content that events must carry for replay (mail and calendar content) with the account's
 * data key, bound to workspace, account and purpose. Shredding the account makes every such blob
 * unreadable: {@link #open} then throws {@link DataKeyDestroyedException}, which replay skips.
 *
 * <p>Sealing never creates a data key: content arriving after a disconnect must not resurrect a
 * key. The key is created when the account's tokens are first stored
 * ({@link CredentialVault#store}) or by {@link DataKeyStore#createIfAbsent}.
 */
public class ContentSealer {

    private final DataKeyStore dataKeys;
    private final AesGcm aesGcm;

    public ContentSealer(DataKeyStore dataKeys, AesGcm aesGcm) {
        this.dataKeys = dataKeys;
        this.aesGcm = aesGcm;
    }

    /**
     * Encrypts {@code plaintext} for {@code purpose} (for instance {@code message-body}).
     *
     * @throws DataKeyDestroyedException if the account has no data key (shredded or never connected)
     */
    public byte[] seal(AccountKey account, String purpose, byte[] plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        AssociatedData binding = AssociatedData.purpose(account, purpose);
        DataKey dataKey = dataKeys.find(account).orElseThrow(() -> new DataKeyDestroyedException(
                "Account '" + account.accountId() + "' has no data key (shredded or never connected); cannot seal " + purpose));
        return aesGcm.seal(dataKey.id(), dataKey.key(), binding, plaintext);
    }

    /**
     * Decrypts what {@link #seal} produced for the same account and purpose.
     *
     * @throws DataKeyDestroyedException if the data key it was sealed with no longer exists
     * @throws VaultIntegrityException   if the blob was altered or sealed for another account or purpose
     */
    public byte[] open(AccountKey account, String purpose, byte[] sealed) {
        AssociatedData binding = AssociatedData.purpose(account, purpose);
        String keyId = AesGcm.keyId(sealed, binding);
        DataKey dataKey = dataKeys.find(account).orElseThrow(() -> mismatch(binding, keyId));
        return aesGcm.open(sealed, binding, id -> sameKey(binding, dataKey, id));
    }

    private SecretKey sameKey(AssociatedData binding, DataKey dataKey, String keyId) {
        if (!dataKey.id().equals(keyId)) {
            throw mismatch(binding, keyId);
        }
        return dataKey.key();
    }

    // Data key ids are unique and never reused, so a key id that no account holds any more is a key a
    // shred destroyed; one that another account holds means the blob was routed to the wrong account.
    private VaultException mismatch(AssociatedData binding, String keyId) {
        if (dataKeys.ownerOf(keyId).isPresent()) {
            return new VaultIntegrityException("Content of " + binding.describe() + " was sealed with data key '" + keyId
                    + "' of another account");
        }
        return destroyed(binding, keyId);
    }

    private static DataKeyDestroyedException destroyed(AssociatedData binding, String keyId) {
        return new DataKeyDestroyedException("Content of " + binding.describe() + " was sealed with data key '" + keyId
                + "', which no longer exists (the account was shredded)");
    }
}
