package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * One item of a user's calendar as the emulated Google holds it: its content, whether it is cancelled
 * (Google's word for deleted), and when it last changed, as a change number for sync tokens and as a
 * time for {@code updated}. Immutable; every change makes a new one.
 *
 * @param changeSequence the calendar's change number of the item's last change
 * @param revision       Google's {@code sequence}: how often the item was edited
 */
record StoredEvent(String id, GeneratedCalendarItem content, boolean cancelled, long changeSequence, int revision,
                   Instant created, Instant updated) {

    static StoredEvent created(String id, GeneratedCalendarItem content, long changeSequence, Instant now) {
        return new StoredEvent(id, content, content.cancelled(), changeSequence, 0, now, now);
    }

    /** Retitled and, when {@code newStart} is given, moved keeping its length; all-day items stay on day bounds. */
    StoredEvent edited(String newTitle, LocalDateTime newStart, long sequence, Instant now) {
        LocalDateTime start = content.start();
        LocalDateTime end = content.end();
        if (newStart != null) {
            Duration length = Duration.between(start, end);
            start = content.allDay() ? newStart.toLocalDate().atStartOfDay() : newStart;
            end = start.plus(length);
        }
        GeneratedCalendarItem changed = new GeneratedCalendarItem(content.key(),
                newTitle == null ? content.title() : newTitle, content.description(), content.location(), start, end,
                content.timeZone(), content.allDay(), content.recurrence(), content.organizer(), content.attendees(),
                content.cancelled());
        return new StoredEvent(id, changed, cancelled, sequence, revision + 1, created, now);
    }

    StoredEvent cancel(long sequence, Instant now) {
        return new StoredEvent(id, content, true, sequence, revision + 1, created, now);
    }

    /** All-day items begin at midnight UTC of their first day, as Syncline's read model counts them. */
    Instant startsAt() {
        return instant(content.start());
    }

    /** Exclusive; for all-day items midnight UTC of the day after the last. */
    Instant endsAt() {
        return instant(content.end());
    }

    CalendarSnapshotItem snapshot() {
        return new CalendarSnapshotItem(id, content.title(), startsAt(), endsAt(), content.allDay(), cancelled,
                content.recurrence());
    }

    private Instant instant(LocalDateTime local) {
        return content.allDay()
                ? local.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()
                : local.atZone(ZoneId.of(content.timeZone())).toInstant();
    }
}
