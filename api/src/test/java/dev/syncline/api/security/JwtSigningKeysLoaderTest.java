package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSigningKeysLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    void developmentKeysAreCreatedOwnerOnlyAndReusedOnTheNextStart() throws Exception {
        JwtSigningKeys first = JwtSigningKeysLoader.load("", true, dataDir);
        JwtSigningKeys second = JwtSigningKeysLoader.load(null, true, dataDir);

        Path file = dataDir.resolve(JwtSigningKeysLoader.DEVELOPMENT_KEY_FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(second.active().keyId()).isEqualTo(first.active().keyId()).startsWith("dev-");
        assertThat(second.active().publicKey()).isEqualTo(first.active().publicKey());
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void developmentKeyFileReadableByOthersIsRestrictedToItsOwner() throws Exception {
        JwtSigningKeysLoader.load("", true, dataDir);
        Path file = dataDir.resolve(JwtSigningKeysLoader.DEVELOPMENT_KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        JwtSigningKeysLoader.load("", true, dataDir);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void startWithoutKeysAndWithoutDevelopmentKeysFailsNamingTheVariable() {
        assertThatThrownBy(() -> JwtSigningKeysLoader.load(" ", false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS");
        assertThat(dataDir.resolve(JwtSigningKeysLoader.DEVELOPMENT_KEY_FILE)).doesNotExist();
    }

    @Test
    void configuredKeysWinOverDevelopmentKeys() {
        JwtSigningKeys configured = JwtSigningKeys.generate("prod-1");

        JwtSigningKeys loaded = JwtSigningKeysLoader.load(configured.toJson(), true, dataDir);

        assertThat(loaded.active().keyId()).isEqualTo("prod-1");
        assertThat(dataDir.resolve(JwtSigningKeysLoader.DEVELOPMENT_KEY_FILE)).doesNotExist();
    }

    @Test
    void keysAreReadFromAFileNamedWithTheFilePrefix() throws Exception {
        Path file = dataDir.resolve("keys.json");
        Files.writeString(file, JwtSigningKeys.generate("from-file").toJson());

        assertThat(JwtSigningKeysLoader.load("file:" + file, false, dataDir).active().keyId()).isEqualTo("from-file");
        assertThatThrownBy(() -> JwtSigningKeysLoader.load("file:" + dataDir.resolve("missing.json"), false, dataDir))
                .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS");
    }

    @Test
    void unusableConfiguredKeysFailTheStart() {
        assertThatThrownBy(() -> JwtSigningKeysLoader.load("{\"active\":\"x\"}", true, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS is unusable");
    }

    @Test
    void rsaSigningKeyStopsTheStartNamingItsKid() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);

        assertThatThrownBy(() -> JwtSigningKeysLoader.load(keySet("rsa-1", generator.generateKeyPair()), false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SYNCLINE_JWT_SIGNING_KEYS is unusable")
                .hasMessageContaining("'rsa-1' is an RSA key")
                .hasMessageContaining("P-256");
    }

    @Test
    void p192SigningKeyStopsTheStartNamingItsKid() {
        assertThatThrownBy(() -> JwtSigningKeysLoader.load(keySet("p192-1", ecKeyPair("secp192r1")), false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'p192-1' is not a P-256 EC key");
    }

    @Test
    void p224SigningKeyStopsTheStartNamingItsKid() {
        assertThatThrownBy(() -> JwtSigningKeysLoader.load(keySet("p224-1", ecKeyPair("secp224r1")), false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'p224-1' is not a P-256 EC key");
    }

    @Test
    void tooWeakRetiredKeyStopsTheStartToo() {
        KeyPair weak = ecKeyPair("secp224r1");
        String json = JwtSigningKeys.generate("new").toJson().replaceFirst("\"keys\"\\s*:\\s*\\{",
                "\"keys\":{\"old\":{\"public\":\"" + base64(weak.getPublic().getEncoded()) + "\"},");

        assertThatThrownBy(() -> JwtSigningKeysLoader.load(json, false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'old' is not a P-256 EC key");
    }

    @Test
    void keySetWithoutAnActiveKeyStopsTheStart() {
        String json = JwtSigningKeys.generate("k1").toJson().replace("\"active\" : \"k1\",", "");

        assertThatThrownBy(() -> JwtSigningKeysLoader.load(json, false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must name its 'active' key");
    }

    @Test
    void keySetWhoseActiveKeyIsNotListedStopsTheStartNamingIt() {
        String json = JwtSigningKeys.generate("k1").toJson().replace("\"active\" : \"k1\"", "\"active\" : \"k9\"");

        assertThatThrownBy(() -> JwtSigningKeysLoader.load(json, false, dataDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'k9' is not in the key set");
    }

    /** Curves the JDK no longer generates keys on, but still reads. */
    private static KeyPair ecKeyPair(String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
            generator.initialize(new ECGenParameterSpec(curve));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String keySet(String kid, KeyPair pair) {
        return "{\"active\":\"" + kid + "\",\"keys\":{\"" + kid + "\":{\"private\":\"" + base64(pair.getPrivate().getEncoded())
                + "\",\"public\":\"" + base64(pair.getPublic().getEncoded()) + "\"}}}";
    }

    private static String base64(byte[] der) {
        return Base64.getEncoder().encodeToString(der);
    }
}
