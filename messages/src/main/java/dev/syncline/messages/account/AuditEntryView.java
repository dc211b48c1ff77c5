package dev.syncline.messages.account;

import java.time.Instant;
import java.util.Map;

/**
 * One step in an account's life: what happened ({@code type}), when, who did it ({@code actor}:
 * {@code user:<id>} or {@code system}), why ({@code cause}), in words ({@code summary}), and the
 * non-secret facts of the event ({@code details}: fingerprints, expiry, error codes, counts).
 */
public record AuditEntryView(
        long position,
        Instant occurredAt,
        String type,
        String actor,
        String cause,
        String summary,
        Map<String, Object> details) {
}
