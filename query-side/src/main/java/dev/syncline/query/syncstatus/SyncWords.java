package dev.syncline.query.syncstatus;

import dev.syncline.messages.account.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Puts what went wrong with a sync into words its owner understands; reasons come from the events, never content. */
final class SyncWords {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SyncWords() {
    }

    /** For instance "Google needs you to connect the account again: the grant was revoked." */
    static String reauthorizationRequired(Provider provider, String reason) {
        return sentence(name(provider) + " needs you to connect the account again" + because(reason));
    }

    /** For instance "Paused until you connect the account again: invalid_grant." */
    static String paused(String reason) {
        return sentence("Paused until you connect the account again" + because(reason));
    }

    /** For instance "Reading a page failed (attempt 2): HTTP 503; retrying at 2026-03-01 10:15:00 UTC." */
    static String pageFailed(int attempt, String reason, Instant retryAt) {
        return "Reading a page failed (attempt " + attempt + ")" + because(reason)
                + (retryAt == null ? "; retrying later." : "; retrying at " + WHEN.format(retryAt) + ".");
    }

    /** For instance "The sync gave up after 5 attempts: the mailbox is disabled." */
    static String failed(int attempts, String reason) {
        return sentence("The sync gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + because(reason));
    }

    /** For instance "The provider no longer accepted the sync's position (HTTP 410); a full resync follows." */
    static String cursorExpired(String reason) {
        return "The provider no longer accepted the sync's position"
                + (isBlank(reason) ? "" : " (" + strip(reason) + ")") + "; a full resync follows.";
    }

    private static String because(String reason) {
        return isBlank(reason) ? "" : ": " + strip(reason);
    }

    private static String name(Provider provider) {
        return switch (provider) {
            case GOOGLE -> "Google";
            case MICROSOFT -> "Microsoft";
        };
    }

    private static String strip(String reason) {
        String stripped = reason.strip();
        return stripped.endsWith(".") ? stripped.substring(0, stripped.length() - 1) : stripped;
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
