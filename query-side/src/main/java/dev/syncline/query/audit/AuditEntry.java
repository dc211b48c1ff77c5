package dev.syncline.query.audit;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code account_audit}, as a handler writes it. Events of any aggregate that concern an account
 * (its token lifecycle, later its syncs) are recorded in this shape; {@code details} holds only non-secret
 * facts, and never a token, because events carry none.
 */
record AuditEntry(
        String eventId,
        long position,
        String accountId,
        Instant occurredAt,
        String type,
        String actor,
        String cause,
        String summary,
        Map<String, Object> details) {

    AuditEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        details = details == null ? Map.of() : details;
    }
}
