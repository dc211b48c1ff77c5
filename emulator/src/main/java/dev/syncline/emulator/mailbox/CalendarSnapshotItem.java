package dev.syncline.emulator.mailbox;

import java.time.Instant;

/** A calendar item as the provider holds it, in the terms Syncline's read model uses. */
public record CalendarSnapshotItem(
        String id,
        String title,
        Instant startsAt,
        Instant endsAt,
        boolean allDay,
        boolean cancelled,
        String recurrence) {
}
