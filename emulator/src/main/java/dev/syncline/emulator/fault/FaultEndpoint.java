package dev.syncline.emulator.fault;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The endpoints a fault can be queued for. {@code USERINFO} also covers Graph's {@code /v1.0/me}. */
public enum FaultEndpoint {
    TOKEN, REVOKE, USERINFO;

    /** The name used in the control API's JSON, e.g. {@code "token"}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<FaultEndpoint> fromWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName().equalsIgnoreCase(name)).findFirst();
    }
}
