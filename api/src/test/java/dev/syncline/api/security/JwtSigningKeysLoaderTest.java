package dev.syncline.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
