package dev.syncline.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the JWT signing keys: {@code SYNCLINE_JWT_SIGNING_KEYS} inline or as {@code file:/path}; else,
 * when development keys are allowed, the key file under the data directory, created on first start;
 * else start-up fails.
 */
public final class JwtSigningKeysLoader {

    /** Where development keys live, under the data directory. */
    public static final String DEVELOPMENT_KEY_FILE = "keys/jwt-signing-keys.json";

    private static final Logger log = LoggerFactory.getLogger(JwtSigningKeysLoader.class);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");

    private JwtSigningKeysLoader() {
    }

    public static JwtSigningKeys load(String configured, boolean generateDevelopmentKeys, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            return fromConfiguration(configured.trim());
        }
        if (!generateDevelopmentKeys) {
            throw new IllegalStateException("No JWT signing keys configured. Set SYNCLINE_JWT_SIGNING_KEYS "
                    + "(syncline.security.jwt.signing-keys) to the key set JSON or to file:/path/to/keys.json, "
                    + "or allow development keys with SYNCLINE_GENERATE_DEVELOPMENT_KEYS=true (never in production).");
        }
        return loadOrCreateDevelopmentKeys(dataDir.resolve(DEVELOPMENT_KEY_FILE).toAbsolutePath());
    }

    private static JwtSigningKeys fromConfiguration(String configured) {
        if (configured.startsWith("file:")) {
            Path file = Path.of(configured.substring("file:".length()));
            try {
                return JwtSigningKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read the JWT signing keys from " + file
                        + " (SYNCLINE_JWT_SIGNING_KEYS): " + e.getClass().getSimpleName(), e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The JWT signing keys in " + file + " (SYNCLINE_JWT_SIGNING_KEYS) are unusable: "
                        + e.getMessage());
            }
        }
        try {
            return JwtSigningKeys.parse(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SYNCLINE_JWT_SIGNING_KEYS is unusable: " + e.getMessage());
        }
    }

    static JwtSigningKeys loadOrCreateDevelopmentKeys(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            restrictToOwner(file, OWNER_ONLY_FILE);
            JwtSigningKeys keys = JwtSigningKeys.parse(Files.readString(file, StandardCharsets.UTF_8));
            warnDevelopmentKeys(file);
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load or create the development JWT keys at " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The development JWT keys at " + file + " are unusable (" + e.getMessage()
                    + "); delete the file to generate new ones.");
        }
    }

    private static void create(Path file) throws IOException {
        Path directory = file.getParent();
        Files.createDirectories(directory);
        restrictToOwner(directory, OWNER_ONLY_DIR);
        String json = JwtSigningKeys.generate(JwtSigningKeys.newKeyId("dev")).toJson();
        Path temporary = Files.createTempFile(directory, ".jwt-signing-keys", ".tmp");
        try {
            restrictToOwner(temporary, OWNER_ONLY_FILE);
            Files.writeString(temporary, json, StandardCharsets.UTF_8);
            try {
                // A hard link appears complete or not at all and never replaces a file that a second
                // instance, starting at the same moment, wrote first.
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException e) {
                throw e;
            } catch (UnsupportedOperationException | IOException e) {
                Files.move(temporary, file);
            }
            log.info("Generated development JWT signing keys in {}", file);
        } catch (FileAlreadyExistsException e) {
            log.debug("Development JWT keys appeared at {} meanwhile; using them", file);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrictToOwner(Path path, Set<PosixFilePermission> permissions) throws IOException {
        if (Files.getFileAttributeView(path, PosixFileAttributeView.class) == null) {
            return;
        }
        if (!Files.getPosixFilePermissions(path).equals(permissions)) {
            Files.setPosixFilePermissions(path, permissions);
        }
    }

    private static void warnDevelopmentKeys(Path file) {
        log.warn("""

                ******************************************************************************
                ***  DEVELOPMENT JWT SIGNING KEYS IN USE - NOT FOR PRODUCTION
                ***  Access tokens are signed with a key generated on this machine, kept in
                ***    {}
                ***  Whoever can read that file can sign in as any user.
                ***  For a real deployment set SYNCLINE_JWT_SIGNING_KEYS and
                ***  SYNCLINE_GENERATE_DEVELOPMENT_KEYS=false.
                ******************************************************************************""", file);
    }
}
