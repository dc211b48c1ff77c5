package dev.syncline.command.vault;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class TokenFingerprinterTest {

    private static final String TOKEN = "1//0CANARY-refresh-token-77ab";

    private final TokenFingerprinter fingerprinter = new TokenFingerprinter(KeyRing.generate());

    @Test
    void sameTokenAlwaysGivesTheSameFingerprint() {
        assertThat(fingerprinter.fingerprint(TOKEN)).isEqualTo(fingerprinter.fingerprint(TOKEN));
    }

    @Test
    void differentTokensGiveDifferentFingerprints() {
        assertThat(fingerprinter.fingerprint(TOKEN)).isNotEqualTo(fingerprinter.fingerprint(TOKEN + "x"));
    }

    @Test
    void anotherFingerprintKeyGivesAnotherFingerprint() {
        TokenFingerprinter otherKey = new TokenFingerprinter(KeyRing.generate());

        assertThat(otherKey.fingerprint(TOKEN)).isNotEqualTo(fingerprinter.fingerprint(TOKEN));
    }

    @Test
    void fingerprintIsAPrefixedTruncatedHmacWithoutTheToken() {
        String fingerprint = fingerprinter.fingerprint(TOKEN);

        assertThat(fingerprint).matches("hmac256:[0-9a-f]{32}").doesNotContain(TOKEN);
    }

    @Test
    void fingerprintIsNotAPlainHashThatAnyoneCouldRecompute() throws Exception {
        byte[] sha256 = MessageDigest.getInstance("SHA-256").digest(TOKEN.getBytes(UTF_8));
        String plainHash = "hmac256:" + HexFormat.of().formatHex(Arrays.copyOf(sha256, 16));

        assertThat(fingerprinter.fingerprint(TOKEN)).isNotEqualTo(plainHash);
    }
}
