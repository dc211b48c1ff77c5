package dev.syncline.command.vault;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The versioned key-encryption keys (KEKs) that wrap every account's data key, plus the key of the
 * token fingerprints. Immutable: rotating returns a new ring.
 *
 * <p>New data keys are wrapped with the {@linkplain #activeKeyId() active} version; older versions
 * stay in the ring so that rows not yet rewrapped still open. Removing a version retires it: rows
 * still wrapped with it then fail with {@link UnknownKeyException}, so count them first
 * ({@link DataKeyStore#countByKeyEncryptionKey()}).
 */
public final class KeyRing {

    /** AES-256. */
    public static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecretKey fingerprintKey;

    public KeyRing(Map<String, SecretKey> keys, String activeKeyId, SecretKey fingerprintKey) {
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(activeKeyId, "activeKeyId");
        Objects.requireNonNull(fingerprintKey, "fingerprintKey");
        keys.forEach(KeyRing::checkKey);
        if (!keys.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("The active key id '" + activeKeyId + "' is not in the key ring " + keys.keySet());
        }
        checkLength("fingerprint key", fingerprintKey);
        this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
        this.activeKeyId = activeKeyId;
        this.fingerprintKey = fingerprintKey;
    }

    /** A fresh random ring with one version {@code k1}, for development and tests. */
    public static KeyRing generate() {
        return new KeyRing(Map.of("k1", randomKey()), "k1", randomKey());
    }

    /** This ring plus a new random version named {@code k<n+1>}, which becomes active. */
    public KeyRing rotate() {
        int next = keys.keySet().stream()
                .filter(id -> id.matches("k\\d+"))
                .mapToInt(id -> Integer.parseInt(id.substring(1)))
                .max().orElse(0) + 1;
        return withActiveKey("k" + next, randomKey());
    }

    /** This ring plus {@code key} under {@code keyId}, which becomes active. */
    public KeyRing withActiveKey(String keyId, SecretKey key) {
        if (keys.containsKey(keyId)) {
            throw new IllegalArgumentException("The key ring already holds a key '" + keyId + "'");
        }
        Map<String, SecretKey> more = new LinkedHashMap<>(keys);
        more.put(keyId, key);
        return new KeyRing(more, keyId, fingerprintKey);
    }

    public String activeKeyId() {
        return activeKeyId;
    }

    public SecretKey activeKey() {
        return keys.get(activeKeyId);
    }

    /**
     * The key-encryption key with the given id.
     *
     * @throws UnknownKeyException if the ring does not hold it
     */
    public SecretKey key(String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new UnknownKeyException("The key ring holds no key-encryption key '" + keyId
                    + "' (it holds " + keys.keySet() + "); was it retired before all rows were rewrapped?");
        }
        return key;
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    public SecretKey fingerprintKey() {
        return fingerprintKey;
    }

    static SecretKey randomKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    private static void checkKey(String keyId, SecretKey key) {
        Objects.requireNonNull(keyId, "keyId");
        int length = keyId.getBytes(StandardCharsets.UTF_8).length;
        if (keyId.isBlank() || length > 255) {
            throw new IllegalArgumentException("A key id must be 1 to 255 UTF-8 bytes and not blank");
        }
        checkLength("key '" + keyId + "'", key);
    }

    private static void checkLength(String what, SecretKey key) {
        byte[] encoded = key == null ? null : key.getEncoded();
        if (encoded == null || encoded.length != KEY_BYTES) {
            throw new IllegalArgumentException("The " + what + " must be " + KEY_BYTES + " bytes (AES-256)");
        }
    }

    @Override
    public String toString() {
        return "KeyRing[active=" + activeKeyId + ", keys=" + keys.keySet() + ", fingerprintKey=<redacted>]";
    }
}
