package dev.syncline.emulator.gcalendar;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/** Everything the emulated Calendar API keeps for one user: the calendar, its quota and window, counters and faults. */
final class CalendarAccount {

    private final UserCalendar calendar;
    private final RequestWindow window = new RequestWindow();
    private final CalendarCallCounters counters = new CalendarCallCounters();
    private final CalendarFaults faults = new CalendarFaults();
    private final AtomicReference<CalendarQuota> quota;

    CalendarAccount(String email, Clock clock, CalendarQuota quota) {
        this.calendar = new UserCalendar(email, clock);
        this.quota = new AtomicReference<>(quota);
    }

    UserCalendar calendar() {
        return calendar;
    }

    RequestWindow window() {
        return window;
    }

    CalendarCallCounters counters() {
        return counters;
    }

    CalendarFaults faults() {
        return faults;
    }

    CalendarQuota quota() {
        return quota.get();
    }

    /** A new quota starts with an empty window: requests made under the old one do not count against it. */
    void setQuota(CalendarQuota replacement) {
        quota.set(replacement);
        window.clear();
    }
}
