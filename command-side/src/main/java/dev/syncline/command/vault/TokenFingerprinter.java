package dev.syncline.command.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * Computes the fingerprint that token events carry instead of a token: HMAC-SHA256 under the key
 * ring's fingerprint key, truncated to 128 bits, as {@code hmac256:<32 hex digits>}. The same token
 * always gives the same fingerprint, so the audit trail can tell tokens apart; without the key, a
 * fingerprint does not help to guess or confirm a token.
 */
public class TokenFingerprinter {

    static final String PREFIX = "hmac256:";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int FINGERPRINT_BYTES = 16;

    private final SecretKey key;

    public TokenFingerprinter(KeyRing keyRing) {
        this.key = Objects.requireNonNull(keyRing, "keyRing").fingerprintKey();
    }

    public String fingerprint(String token) {
        Objects.requireNonNull(token, "token");
        try {
            // A Mac is not thread-safe; creating one per call is cheap next to the I/O around token changes.
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(token.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(Arrays.copyOf(digest, FINGERPRINT_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
