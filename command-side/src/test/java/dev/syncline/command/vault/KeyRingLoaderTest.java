package dev.syncline.command.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingLoaderTest {

    @TempDir
    Path directory;

    @Test
    void inlineJsonIsLoaded() {
        KeyRing ring = KeyRing.generate();

        KeyRing loaded = KeyRingLoader.load(new VaultProperties(KeyRingCodec.toJson(ring), false, null));

        assertThat(KeyRingCodec.toJson(loaded)).isEqualTo(KeyRingCodec.toJson(ring));
    }

    @Test
    void fileReferenceIsLoaded() throws Exception {
        KeyRing ring = KeyRing.generate().rotate();
        Path file = Files.writeString(directory.resolve("ring.json"), KeyRingCodec.toJson(ring));

        KeyRing loaded = KeyRingLoader.load(new VaultProperties("file:" + file, false, null));

        assertThat(KeyRingCodec.toJson(loaded)).isEqualTo(KeyRingCodec.toJson(ring));
    }

    @Test
    void missingKeyRingFileFailsNamingThePath() {
        Path missing = directory.resolve("absent.json");

        assertThatThrownBy(() -> KeyRingLoader.load(new VaultProperties("file:" + missing, false, null)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void developmentKeyRingIsCreatedOnceAndReused() throws Exception {
        Path file = directory.resolve("data/keys/key-ring.json");
        VaultProperties development = new VaultProperties(null, true, file);

        KeyRing first = KeyRingLoader.load(development);
        KeyRing second = KeyRingLoader.load(development);

        assertThat(file).exists();
        assertThat(KeyRingCodec.toJson(second)).isEqualTo(KeyRingCodec.toJson(first));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void configuredKeyRingWinsOverDevelopmentGeneration() {
        Path file = directory.resolve("key-ring.json");
        KeyRing ring = KeyRing.generate();

        KeyRing loaded = KeyRingLoader.load(new VaultProperties(KeyRingCodec.toJson(ring), true, file));

        assertThat(KeyRingCodec.toJson(loaded)).isEqualTo(KeyRingCodec.toJson(ring));
        assertThat(file).doesNotExist();
    }

    @Test
    void withoutAKeyRingOutsideDevelopmentStartUpFailsNamingTheVariable() {
        assertThatThrownBy(() -> KeyRingLoader.load(new VaultProperties(null, false, null)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("SYNCLINE_VAULT_KEY_RING")
                .hasMessageContaining("syncline.vault.key-ring")
                .hasMessageContaining("syncline.vault.generate-development-key-ring");
    }

    @Test
    void aBlankKeyRingCountsAsMissing() {
        assertThatThrownBy(() -> KeyRingLoader.load(new VaultProperties("  ", false, null)))
                .isInstanceOf(KeyRingUnavailableException.class)
                .hasMessageContaining("SYNCLINE_VAULT_KEY_RING");
    }
}
