package dev.syncline.emulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What goes wrong when a queued fault is consumed. */
public enum FaultKind {
    /** A bare 500 from the provider's front end. */
    HTTP_500,
    /** A 503, with {@code Retry-After} when the fault carries one. */
    HTTP_503,
    /** The OAuth error {@code temporarily_unavailable}, in the status the provider uses for it. */
    TEMPORARILY_UNAVAILABLE,
    /** A permanent {@code invalid_grant}, as for a dead refresh token. */
    INVALID_GRANT,
    /** Microsoft's {@code interaction_required} (MFA); the user must sign in again. */
    INTERACTION_REQUIRED,
    /** {@code invalid_client}, as if the client secret were wrong or expired. */
    INVALID_CLIENT,
    /** Waits, then answers normally. */
    SLOW;

    /** The name used in the control API's JSON, e.g. {@code "http_503"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaultKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(k -> k.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
