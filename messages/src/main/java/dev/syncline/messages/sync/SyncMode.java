package dev.syncline.messages.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller asks for: {@code AUTO} continues from the channel's cursor when it has one; {@code FULL} re-reads everything. */
public enum SyncMode {
    AUTO,
    FULL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SyncMode> fromId(String id) {
        return Arrays.stream(values()).filter(mode -> mode.id().equalsIgnoreCase(id)).findFirst();
    }
}
