package dev.syncline.command.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.function.Function;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM with associated data, in the one ciphertext layout the vault uses everywhere:
 *
 * <pre>
 * [format version: 1 byte = 0x01]
 * [key id length: 1 byte, 1..255]
 * [key id: UTF-8 bytes]
 * [nonce: 12 random bytes]
 * [ciphertext + 16-byte GCM tag]
 * </pre>
 *
 * For a token column or sealed content the key id names the account's data key (e.g.
 * {@code dk-3f9a…}); for a wrapped data key it names the key-encryption key version of the
 * {@link KeyRing} (e.g. {@code k2}). The header (version, length and key id) is authenticated
 * together with the {@link AssociatedData}, so changing any byte of the ciphertext makes it fail.
 *
 * <p>Nonces are random; a data key seals one account's fields and content and a key-encryption
 * key wraps one data key per account and rewrap, both far below the 2<sup>32</sup> messages per key
 * that random 96-bit nonces allow.
 */
public final class AesGcm {

    static final byte FORMAT_VERSION = 1;
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecureRandom random;

    public AesGcm(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public AesGcm() {
        this(new SecureRandom());
    }

    /** Encrypts {@code plaintext} under {@code key}, naming it {@code keyId} in the header. */
    public byte[] seal(String keyId, SecretKey key, AssociatedData associatedData, byte[] plaintext) {
        byte[] header = header(keyId);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(header);
            cipher.updateAAD(associatedData.bytes());
            byte[] body = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(header.length + NONCE_BYTES + body.length)
                    .put(header).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Decrypts {@code sealed}, asking {@code keys} for the key its header names.
     *
     * @throws VaultIntegrityException if the bytes are malformed, altered or bound to something else
     * @throws VaultException          whatever {@code keys} throws for a key it cannot supply
     */
    public byte[] open(byte[] sealed, AssociatedData associatedData, Function<String, SecretKey> keys) {
        String keyId = keyId(sealed, associatedData);
        int headerLength = 2 + (sealed[1] & 0xff);
        SecretKey key = keys.apply(keyId);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, headerLength, NONCE_BYTES));
            cipher.updateAAD(sealed, 0, headerLength);
            cipher.updateAAD(associatedData.bytes());
            int bodyOffset = headerLength + NONCE_BYTES;
            return cipher.doFinal(sealed, bodyOffset, sealed.length - bodyOffset);
        } catch (AEADBadTagException e) {
            throw new VaultIntegrityException("Ciphertext of " + associatedData.describe()
                    + " failed authentication: it was altered or belongs to another account or field", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the key id from the header of {@code sealed} without decrypting it.
     *
     * @throws VaultIntegrityException if the header is malformed
     */
    public static String keyId(byte[] sealed, AssociatedData associatedData) {
        if (sealed == null || sealed.length < 3) {
            throw malformed(associatedData, "too short");
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw malformed(associatedData, "unknown format version " + (sealed[0] & 0xff));
        }
        int keyIdLength = sealed[1] & 0xff;
        if (keyIdLength == 0 || sealed.length < 2 + keyIdLength + NONCE_BYTES + TAG_BITS / 8) {
            throw malformed(associatedData, "truncated");
        }
        return new String(sealed, 2, keyIdLength, StandardCharsets.UTF_8);
    }

    private static byte[] header(String keyId) {
        byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
        if (id.length == 0 || id.length > 255) {
            throw new IllegalArgumentException("A key id must be 1 to 255 UTF-8 bytes");
        }
        byte[] header = new byte[2 + id.length];
        header[0] = FORMAT_VERSION;
        header[1] = (byte) id.length;
        System.arraycopy(id, 0, header, 2, id.length);
        return header;
    }

    private static VaultIntegrityException malformed(AssociatedData associatedData, String why) {
        return new VaultIntegrityException("Ciphertext of " + associatedData.describe() + " is malformed (" + why + ")");
    }
}
