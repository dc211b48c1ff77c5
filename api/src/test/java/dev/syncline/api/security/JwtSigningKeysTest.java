package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwtSigningKeysTest {

    @Test
    void keySetSurvivesItsJsonForm() {
        JwtSigningKeys keys = JwtSigningKeys.generate("k1").withActiveKey(pair("k2"));

        JwtSigningKeys read = JwtSigningKeys.parse(keys.toJson());

        assertThat(read.active().keyId()).isEqualTo("k2");
        assertThat(read.keys()).containsOnlyKeys("k1", "k2");
        assertThat(read.find("k1").orElseThrow().publicKey()).isEqualTo(keys.find("k1").orElseThrow().publicKey());
        assertThat(read.active().privateKey()).isEqualTo(keys.active().privateKey());
    }

    @Test
    void retiredKeyMayBeListedWithItsPublicHalfOnly() {
        JwtSigningKeys.SigningKey active = pair("new");
        KeyPair old = JwtSigningKeys.generateKeyPair();
        String json = "{\"active\":\"new\",\"keys\":{"
                + "\"new\":{\"private\":\"" + encode(active.privateKey().getEncoded()) + "\",\"public\":\"" + encode(active.publicKey().getEncoded()) + "\"},"
                + "\"old\":{\"public\":\"" + encode(old.getPublic().getEncoded()) + "\"}}}";

        JwtSigningKeys keys = JwtSigningKeys.parse(json);

        assertThat(keys.find("old").orElseThrow().privateKey()).isNull();
        assertThat(keys.active().keyId()).isEqualTo("new");
    }

    @Test
    void pemArmouredKeysAreAccepted() {
        JwtSigningKeys.SigningKey key = pair("pem");
        String json = "{\"active\":\"pem\",\"keys\":{\"pem\":{"
                + "\"private\":\"-----BEGIN PRIVATE KEY-----\\n" + Base64.getMimeEncoder().encodeToString(key.privateKey().getEncoded()).replace("\r\n", "\\n") + "\\n-----END PRIVATE KEY-----\","
                + "\"public\":\"-----BEGIN PUBLIC KEY-----\\n" + encode(key.publicKey().getEncoded()) + "\\n-----END PUBLIC KEY-----\"}}}";

        assertThat(JwtSigningKeys.parse(json).active().publicKey()).isEqualTo(key.publicKey());
    }

    @Test
    void activeKeyMustBeListedAndAbleToSign() {
        JwtSigningKeys.SigningKey key = pair("k1");
        JwtSigningKeys.SigningKey verifyOnly = new JwtSigningKeys.SigningKey("k1", null, key.publicKey());

        assertThatThrownBy(() -> new JwtSigningKeys("k2", Map.of("k1", key))).hasMessageContaining("'k2' is not in the key set");
        assertThatThrownBy(() -> new JwtSigningKeys("k1", Map.of("k1", verifyOnly))).hasMessageContaining("has no private key");
        assertThatThrownBy(() -> new JwtSigningKeys("k1", Map.of())).hasMessageContaining("no key");
    }

    @Test
    void keysOtherThanP256AreRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = generator.generateKeyPair();

        assertThatThrownBy(() -> new JwtSigningKeys.SigningKey("k", p384.getPrivate(), p384.getPublic()))
                .hasMessageContaining("not a P-256 EC key");
    }

    @Test
    void halvesOfDifferentPairsAreRefused() {
        KeyPair one = JwtSigningKeys.generateKeyPair();
        KeyPair two = JwtSigningKeys.generateKeyPair();

        assertThatThrownBy(() -> new JwtSigningKeys.SigningKey("k", one.getPrivate(), two.getPublic()))
                .hasMessageContaining("do not match");
    }

    @Test
    void unreadableKeySetIsReportedWithoutItsKeyMaterial() {
        String secretLooking = "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg-not-really";
        String json = "{\"active\":\"k\",\"keys\":{\"k\":{\"private\":\"" + secretLooking + "\",\"public\":\"AAAA\"}}}";

        assertThatThrownBy(() -> JwtSigningKeys.parse(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'k'")
                .hasMessageNotContaining(secretLooking);
        assertThatThrownBy(() -> JwtSigningKeys.parse("not json")).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> JwtSigningKeys.parse("{\"keys\":{}}")).hasMessageContaining("'active'");
    }

    @Test
    void keyIdsAreRestrictedToSafeCharacters() {
        KeyPair pair = JwtSigningKeys.generateKeyPair();

        assertThatThrownBy(() -> new JwtSigningKeys.SigningKey("bad kid\"", pair.getPrivate(), pair.getPublic()))
                .hasMessageContaining("key id");
    }

    @Test
    void toStringShowsKeyIdsOnly() {
        JwtSigningKeys keys = JwtSigningKeys.generate("k1");

        assertThat(keys.toString()).isEqualTo("JwtSigningKeys[active=k1, keys=[k1]]");
        assertThat(keys.active().toString()).isEqualTo("SigningKey[k1]");
    }

    private static JwtSigningKeys.SigningKey pair(String kid) {
        KeyPair pair = JwtSigningKeys.generateKeyPair();
        return new JwtSigningKeys.SigningKey(kid, pair.getPrivate(), pair.getPublic());
    }

    private static String encode(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
