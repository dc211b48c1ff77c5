package dev.syncline.command.vault;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the {@link KeyRing} at start-up: the configured one ({@code syncline.vault.key-ring}, inline
 * JSON or {@code file:/path}), else, only when development generation is switched on, a development
 * ring loaded from or created at a local file. Anything else refuses to start, because tokens
 * written under a throw-away ring could never be read again.
 */
public final class KeyRingLoader {

    private static final Logger log = LoggerFactory.getLogger(KeyRingLoader.class);
    private static final String FILE_PREFIX = "file:";
    private static final Set<PosixFilePermission> OWNER_READ_WRITE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private KeyRingLoader() {
    }

    /**
     * Loads the key ring the properties describe.
     *
     * @throws KeyRingUnavailableException if none is configured or it cannot be read
     */
    public static KeyRing load(VaultProperties properties) {
        String configured = properties.keyRing();
        if (configured != null && !configured.isBlank()) {
            return configured.strip().startsWith(FILE_PREFIX)
                    ? readFile(Path.of(configured.strip().substring(FILE_PREFIX.length())))
                    : KeyRingCodec.fromJson(configured);
        }
        if (properties.generateDevelopmentKeyRing()) {
            return loadOrCreateDevelopmentRing(properties.developmentKeyRingFile());
        }
        throw new KeyRingUnavailableException("No key ring is configured for the credential vault. Set the environment variable "
                + VaultProperties.KEY_RING_VARIABLE + " (property " + VaultProperties.KEY_RING_PROPERTY
                + ") to the key ring JSON or to file:/path/to/key-ring.json. For local development only, set "
                + VaultProperties.GENERATE_PROPERTY + "=true to generate one.");
    }

    private static KeyRing loadOrCreateDevelopmentRing(Path file) {
        KeyRing ring;
        boolean created = false;
        if (Files.exists(file)) {
            ring = readFile(file);
        } else {
            ring = createOrReadConcurrent(file);
            created = true;
        }
        log.warn("""

                ==============================================================================
                !!  DEVELOPMENT KEY RING IN USE - NOT FOR REAL ACCOUNTS OR PRODUCTION DATA
                !!  {} {}
                !!  Anyone who can read that file can decrypt every token stored with it.
                !!  Anywhere else, set {} (property {})
                !!  to a managed key ring and leave {} off.
                ==============================================================================""",
                created ? "Created" : "Loaded", file.toAbsolutePath(),
                VaultProperties.KEY_RING_VARIABLE, VaultProperties.KEY_RING_PROPERTY, VaultProperties.GENERATE_PROPERTY);
        return ring;
    }

    private static KeyRing createOrReadConcurrent(Path file) {
        KeyRing ring = KeyRing.generate();
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        try {
            Path directory = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
                } else {
                    Files.createDirectories(directory);
                }
            }
            // Written to a private temporary file first, then moved without replacing, so that a second
            // instance starting at the same moment never reads half a file nor overwrites the first ring.
            Path temporary = posix
                    ? Files.createTempFile(directory, ".key-ring", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE))
                    : Files.createTempFile(directory, ".key-ring", ".tmp");
            try {
                Files.writeString(temporary, KeyRingCodec.toJson(ring), StandardCharsets.UTF_8);
                Files.move(temporary, file);
                return ring;
            } catch (FileAlreadyExistsException lostRace) {
                return readFile(file);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new KeyRingUnavailableException("Cannot create the development key ring at " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    private static KeyRing readFile(Path file) {
        try {
            return KeyRingCodec.fromJson(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new KeyRingUnavailableException("Cannot read the key ring file " + file.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        } catch (KeyRingUnavailableException e) {
            throw new KeyRingUnavailableException(e.getMessage() + " (in " + file.toAbsolutePath() + ")", e);
        }
    }
}
