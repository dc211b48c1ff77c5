package dev.syncline.command.token.cache;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.AssociatedData;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.VaultException;
import dev.syncline.command.vault.VaultIntegrityException;
import dev.syncline.messages.account.Provider;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a cached access token for Redis with AES-256-GCM, in the vault's ciphertext layout, under a key
 * derived (HMAC-SHA256) from the key ring's active key-encryption key. The derivation needs no database read,
 * so a Redis hit stays cheap; the ciphertext names the KEK version ({@code cache-k2}), so values written before
 * a rotation still open while the ring holds that version. The associated data binds each value to its
 * provider, workspace and account: a value moved to another key does not open, and the reader treats that
 * as a miss.
 */
public final class TokenCacheSealer {

    private static final String KEY_ID_PREFIX = "cache-";
    private static final byte[] DERIVATION_LABEL = "syncline/token-cache/v1".getBytes(StandardCharsets.UTF_8);

    private final KeyRing keyRing;
    private final AesGcm aesGcm;
    private final Map<String, SecretKey> derivedKeys = new ConcurrentHashMap<>();

    public TokenCacheSealer(KeyRing keyRing, AesGcm aesGcm) {
        this.keyRing = keyRing;
        this.aesGcm = aesGcm;
    }

    /** The token and its expiry, sealed for the given account. */
    public byte[] seal(AccountKey account, Provider provider, String accessToken, Instant expiresAt) {
        byte[] token = accessToken.getBytes(StandardCharsets.UTF_8);
        byte[] plaintext = ByteBuffer.allocate(Long.BYTES + token.length).putLong(expiresAt.toEpochMilli()).put(token).array();
        try {
            String kekId = keyRing.activeKeyId();
            return aesGcm.seal(KEY_ID_PREFIX + kekId, derivedKey(kekId), binding(account, provider), plaintext);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
            Arrays.fill(token, (byte) 0);
        }
    }

    /** The token sealed for this account, or empty when the value is altered, bound elsewhere or its key retired. */
    public Optional<Opened> open(AccountKey account, Provider provider, byte[] sealed) {
        byte[] plaintext;
        try {
            plaintext = aesGcm.open(sealed, binding(account, provider), this::keyNamed);
        } catch (VaultException e) {
            return Optional.empty();
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(plaintext);
            Instant expiresAt = Instant.ofEpochMilli(buffer.getLong());
            return Optional.of(new Opened(new String(plaintext, Long.BYTES, plaintext.length - Long.BYTES,
                    StandardCharsets.UTF_8), expiresAt));
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** An opened value; its {@link #toString()} hides the token. */
    public record Opened(String accessToken, Instant expiresAt) {

        @Override
        public String toString() {
            return "Opened[accessToken=<redacted>, expiresAt=" + expiresAt + "]";
        }
    }

    private SecretKey keyNamed(String keyId) {
        if (!keyId.startsWith(KEY_ID_PREFIX)) {
            throw new VaultIntegrityException("A cached token names key '" + keyId
                    + "', which is no token-cache key");
        }
        String kekId = keyId.substring(KEY_ID_PREFIX.length());
        keyRing.key(kekId); // throws UnknownKeyException for a retired version: the value is then a miss
        return derivedKey(kekId);
    }

    private SecretKey derivedKey(String kekId) {
        return derivedKeys.computeIfAbsent(kekId, id -> {
            try {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(keyRing.key(id).getEncoded(), "HmacSHA256"));
                return new SecretKeySpec(mac.doFinal(DERIVATION_LABEL), "AES");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HMAC-SHA256 is unavailable: " + e.getMessage(), e);
            }
        });
    }

    private static AssociatedData binding(AccountKey account, Provider provider) {
        return AssociatedData.purpose(account, "token-cache:" + provider.id());
    }
}
