package dev.syncline.emulator.mailbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * What {@link MailboxGenerator} makes for one user: the same spec always gives the same mailbox.
 *
 * @param seed          the random seed
 * @param messages      how many mail messages
 * @param folders       how many user folders (Graph) or user labels (Gmail) beside the system ones
 * @param calendarItems how many calendar items
 * @param now           the moment the mailbox is "generated at": mail lies before it, calendar items around it
 */
public record MailboxSpec(long seed, int messages, int folders, int calendarItems, Instant now) {

    public MailboxSpec {
        if (messages < 0 || folders < 0 || calendarItems < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        // Providers give times to the second (Gmail to the millisecond); so does every generated time.
        now = now.truncatedTo(ChronoUnit.SECONDS);
    }

    /** The demo mailbox of the embedded default: small enough to sync in seconds, varied enough to look real. */
    public static MailboxSpec demo(Instant now) {
        return new MailboxSpec(42, 250, 4, 40, now);
    }
}
