package dev.syncline.messages.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A mail and calendar provider whose accounts Syncline can connect. */
public enum Provider {
    GOOGLE,
    MICROSOFT;

    /** The lower-case name used in URLs and configuration, e.g. {@code google}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The provider named by a URL segment such as {@code google}, if there is one. */
    public static Optional<Provider> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equalsIgnoreCase(id)).findFirst();
    }
}
