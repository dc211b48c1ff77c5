package dev.syncline.emulator;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * An identity provider the emulator imitates, with the token shapes that provider issues.
 *
 * <p>The prefixes only make tokens look familiar in logs and debuggers; clients must treat every
 * token as opaque, exactly as with the real providers.
 */
public enum EmulatedProvider {
    GOOGLE("google", "ya29.", "1//", "4/0"),
    MICROSOFT("microsoft", "EwA", "M.C5", "0.A");

    private final String pathName;
    private final String accessTokenPrefix;
    private final String refreshTokenPrefix;
    private final String authorizationCodePrefix;

    EmulatedProvider(String pathName, String accessTokenPrefix, String refreshTokenPrefix,
                     String authorizationCodePrefix) {
        this.pathName = pathName;
        this.accessTokenPrefix = accessTokenPrefix;
        this.refreshTokenPrefix = refreshTokenPrefix;
        this.authorizationCodePrefix = authorizationCodePrefix;
    }

    /** The lower-case name used in control paths, e.g. {@code /_emulator/google/users}. */
    public String pathName() {
        return pathName;
    }

    public String accessTokenPrefix() {
        return accessTokenPrefix;
    }

    public String refreshTokenPrefix() {
        return refreshTokenPrefix;
    }

    public String authorizationCodePrefix() {
        return authorizationCodePrefix;
    }

    /** Finds the provider named by a path segment, ignoring case. */
    public static Optional<EmulatedProvider> fromPathName(String name) {
        String wanted = name == null ? "" : name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.pathName.equals(wanted)).findFirst();
    }
}
