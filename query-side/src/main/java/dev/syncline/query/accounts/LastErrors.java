package dev.syncline.query.accounts;

import dev.syncline.messages.account.AccessTokenRefreshFailedEvent;
import dev.syncline.messages.account.Provider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Puts an account's last failure into words its owner understands. */
final class LastErrors {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private LastErrors() {
    }

    /**
     * For instance "Google refused the grant (invalid_grant): Token has been expired or revoked." or
     * "Microsoft token endpoint unavailable (http_503); retrying at 2026-03-01 10:15:00 UTC."
     */
    static String refreshFailed(Provider provider, AccessTokenRefreshFailedEvent event) {
        if (event.permanent()) {
            return sentence(name(provider) + " refused the grant (" + event.error() + ")"
                    + (isBlank(event.description()) ? "" : ": " + event.description().strip()));
        }
        return name(provider) + " token endpoint unavailable (" + event.error() + "); " + retry(event.nextAttemptAt()) + ".";
    }

    /** For instance "Google needs you to connect the account again: the grant was revoked." */
    static String reauthorizationRequired(Provider provider, String reason) {
        return sentence(name(provider) + " needs you to connect the account again"
                + (isBlank(reason) ? "" : ": " + reason.strip()));
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }

    private static String retry(Instant nextAttemptAt) {
        return nextAttemptAt == null ? "retrying later" : "retrying at " + when(nextAttemptAt);
    }

    private static String name(Provider provider) {
        return switch (provider) {
            case GOOGLE -> "Google";
            case MICROSOFT -> "Microsoft";
        };
    }

    private static String sentence(String text) {
        return text.endsWith(".") || text.endsWith("!") || text.endsWith("?") ? text : text + ".";
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
