package dev.syncline.command.vault;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration of the credential vault ({@code syncline.vault.*}).
 *
 * @param keyRing                    the key ring as inline JSON or {@code file:/path/to/key-ring.json};
 *                                   environment variable {@code SYNCLINE_VAULT_KEY_RING}
 * @param generateDevelopmentKeyRing when no key ring is configured, load or create a development key
 *                                   ring at {@code developmentKeyRingFile}; only for the embedded
 *                                   default, never for real data
 * @param developmentKeyRingFile     where the development key ring lives
 */
@ConfigurationProperties("syncline.vault")
public record VaultProperties(
        String keyRing,
        @DefaultValue("false") boolean generateDevelopmentKeyRing,
        @DefaultValue("./data/keys/key-ring.json") Path developmentKeyRingFile) {

    public static final String KEY_RING_PROPERTY = "syncline.vault.key-ring";
    public static final String KEY_RING_VARIABLE = "SYNCLINE_VAULT_KEY_RING";
    public static final String GENERATE_PROPERTY = "syncline.vault.generate-development-key-ring";

    public VaultProperties {
        if (developmentKeyRingFile == null) {
            developmentKeyRingFile = Path.of("./data/keys/key-ring.json");
        }
    }

    @Override
    public String toString() {
        return "VaultProperties[keyRing=" + (keyRing == null || keyRing.isBlank() ? "<unset>" : "<redacted>")
                + ", generateDevelopmentKeyRing=" + generateDevelopmentKeyRing
                + ", developmentKeyRingFile=" + developmentKeyRingFile + "]";
    }
}
