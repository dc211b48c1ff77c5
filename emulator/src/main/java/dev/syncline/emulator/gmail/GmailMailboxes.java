package dev.syncline.emulator.gmail;

import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** The mailboxes of the emulated Google, one per user email (case-insensitive), made on first use. */
final class GmailMailboxes {

    private final ConcurrentMap<String, GmailMailbox> byEmail = new ConcurrentHashMap<>();
    private final Clock clock;

    GmailMailboxes(Clock clock) {
        this.clock = clock;
    }

    GmailMailbox of(String email) {
        if (email == null || !email.contains("@")) {
            throw new IllegalArgumentException("Not an email address: " + email);
        }
        return byEmail.computeIfAbsent(email.trim().toLowerCase(Locale.ROOT), key -> GmailMailbox.empty(key, clock));
    }

    void clear() {
        byEmail.clear();
    }
}
