package dev.syncline.messages.sync;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What of an account is synced: its mail or its calendar. Each channel of an account syncs on its own. */
public enum SyncChannel {
    MAIL,
    CALENDAR;

    /** The lower-case name used in URLs and JSON, e.g. {@code mail}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The identifier of the channel's sync aggregate for one account, e.g. {@code acc-1/mail}. */
    public String streamIdFor(String accountId) {
        return accountId + "/" + id();
    }

    public static Optional<SyncChannel> fromId(String id) {
        return Arrays.stream(values()).filter(channel -> channel.id().equalsIgnoreCase(id)).findFirst();
    }
}
