package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A calendar item as the store holds it: the generated content and what changes (title, times).
 * Immutable; a change stores a copy. Times are local to {@link #zone()}; an all-day item floats, its
 * dates meaning the same days everywhere.
 */
record StoredCalendarItem(long serial, String id, GeneratedCalendarItem content, String title, LocalDateTime start,
                          LocalDateTime end, Recurrence recurrence) {

    static StoredCalendarItem of(long serial, String id, GeneratedCalendarItem content) {
        ZoneId zone = ZoneId.of(content.timeZone());
        Recurrence recurrence = content.recurrence() == null ? null
                : Recurrence.parse(content.recurrence(), content.start().toLocalDate(), zone);
        return new StoredCalendarItem(serial, id, content, content.title(), content.start(), content.end(), recurrence);
    }

    ZoneId zone() {
        return ZoneId.of(content.timeZone());
    }

    boolean allDay() {
        return content.allDay();
    }

    /** Retitled, and when {@code newStart} is not null, moved keeping its length. */
    StoredCalendarItem changed(String newTitle, LocalDateTime newStart) {
        LocalDateTime movedStart = newStart == null ? start : newStart;
        LocalDateTime movedEnd = newStart == null ? end : newStart.plus(Duration.between(start, end));
        return new StoredCalendarItem(serial, id, content, newTitle == null ? title : newTitle, movedStart, movedEnd,
                recurrence);
    }

    /** The start as an instant; for an all-day item, midnight UTC of its first day. */
    Instant startsAt() {
        return allDay() ? start.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant() : start.atZone(zone()).toInstant();
    }

    /** The end (exclusive); for an all-day item, midnight UTC after its last day. */
    Instant endsAt() {
        return allDay() ? end.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant() : end.atZone(zone()).toInstant();
    }

    CalendarSnapshotItem snapshot() {
        return new CalendarSnapshotItem(id, title, startsAt(), endsAt(), allDay(), content.cancelled(),
                recurrence == null ? null : recurrence.toRule(zone(), allDay()));
    }
}
