package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class KeyRingTest {

    @Test
    void generatedRingHasOneActiveVersionAndAFingerprintKey() {
        KeyRing ring = KeyRing.generate();

        assertThat(ring.keyIds()).containsExactly("k1");
        assertThat(ring.activeKeyId()).isEqualTo("k1");
        assertThat(ring.activeKey().getEncoded()).hasSize(32);
        assertThat(ring.fingerprintKey().getEncoded()).hasSize(32).isNotEqualTo(ring.activeKey().getEncoded());
    }

    @Test
    void rotationAddsANewActiveVersionAndKeepsTheOldOnes() {
        KeyRing ring = KeyRing.generate();
        KeyRing rotated = ring.rotate();

        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(rotated.keyIds()).containsExactly("k1", "k2");
        assertThat(rotated.key("k1")).isEqualTo(ring.key("k1"));
        assertThat(rotated.fingerprintKey()).isEqualTo(ring.fingerprintKey());
        assertThat(ring.keyIds()).containsExactly("k1");
    }

    @Test
    void askingForAnUnknownKeyFailsLoudly() {
        assertThatThrownBy(() -> KeyRing.generate().key("k7"))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("'k7'");
    }

    @Test
    void activeKeyMustBeInTheRing() {
        KeyRing ring = KeyRing.generate();

        assertThatThrownBy(() -> new KeyRing(Map.of("k1", ring.key("k1")), "k2", ring.fingerprintKey()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k2");
    }

    @Test
    void keysShorterThan256BitsAreRejected() {
        KeyRing ring = KeyRing.generate();

        assertThatThrownBy(() -> new KeyRing(Map.of("k1", new SecretKeySpec(new byte[16], "AES")), "k1", ring.fingerprintKey()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringShowsKeyIdsButNoKeyMaterial() {
        KeyRing ring = KeyRing.generate();
        String text = ring.toString();

        assertThat(text).contains("k1")
                .doesNotContain(Base64.getEncoder().encodeToString(ring.key("k1").getEncoded()))
                .doesNotContain(Base64.getEncoder().encodeToString(ring.fingerprintKey().getEncoded()));
    }
}
