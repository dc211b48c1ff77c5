package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class KeyRingCodecTest {

    private static final String KEY_A = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SECRET_LOOKING_VALUE = "c2VjcmV0LWtleS1tYXRlcmlhbC1kby1ub3QtbG9n";

    @Test
    void jsonRoundTripKeepsEveryVersionTheActiveOneAndTheFingerprintKey() {
        KeyRing ring = KeyRing.generate().rotate();

        KeyRing read = KeyRingCodec.fromJson(KeyRingCodec.toJson(ring));

        assertThat(read.activeKeyId()).isEqualTo("k2");
        assertThat(read.keyIds()).containsExactly("k1", "k2");
        assertThat(read.key("k1").getEncoded()).isEqualTo(ring.key("k1").getEncoded());
        assertThat(read.key("k2").getEncoded()).isEqualTo(ring.key("k2").getEncoded());
        assertThat(read.fingerprintKey().getEncoded()).isEqualTo(ring.fingerprintKey().getEncoded());
    }

    @Test
    void theDocumentedJsonFormIsRead() {
        KeyRing ring = KeyRingCodec.fromJson("""
                {"active":"k1","keys":{"k1":"%s"},"fingerprintKey":"%s"}""".formatted(KEY_A, KEY_A));

        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(ring.activeKey().getEncoded()).isEqualTo(new byte[32]);
    }

    @Test
    void malformedJsonIsRejectedWithoutQuotingTheInput() {
        assertThatThrownBy(() -> KeyRingCodec.fromJson("{\"active\": " + SECRET_LOOKING_VALUE + "}"))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("not valid JSON")
                .hasMessageNotContaining(SECRET_LOOKING_VALUE)
                .hasNoCause();
    }

    @Test
    void aKeyOfTheWrongLengthIsRejectedWithoutQuotingIt() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> KeyRingCodec.fromJson("""
                {"active":"k1","keys":{"k1":"%s"},"fingerprintKey":"%s"}""".formatted(shortKey, KEY_A)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("key 'k1'")
                .hasMessageNotContaining(shortKey);
    }

    @Test
    void anActiveVersionMissingFromTheKeysIsRejected() {
        assertThatThrownBy(() -> KeyRingCodec.fromJson("""
                {"active":"k2","keys":{"k1":"%s"},"fingerprintKey":"%s"}""".formatted(KEY_A, KEY_A)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("k2");
    }

    @Test
    void aMissingFingerprintKeyIsRejected() {
        assertThatThrownBy(() -> KeyRingCodec.fromJson("""
                {"active":"k1","keys":{"k1":"%s"}}""".formatted(KEY_A)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("fingerprintKey");
    }
}
