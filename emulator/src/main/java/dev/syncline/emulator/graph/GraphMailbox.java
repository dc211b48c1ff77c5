package dev.syncline.emulator.graph;

import java.time.Duration;
import java.util.Objects;

/** Everything the emulated Graph holds for one user: mail, calendar, traffic, queued faults and latency. */
final class GraphMailbox {

    private final MailStore mail;
    private final CalendarStore calendar;
    private final MailboxTraffic traffic = new MailboxTraffic();
    private final TransientFaults faults = new TransientFaults();
    private volatile Duration latency = Duration.ZERO;

    GraphMailbox(String email) {
        GraphIds ids = new GraphIds(email);
        this.mail = new MailStore(ids);
        this.calendar = new CalendarStore(ids);
    }

    MailStore mail() {
        return mail;
    }

    CalendarStore calendar() {
        return calendar;
    }

    MailboxTraffic traffic() {
        return traffic;
    }

    TransientFaults faults() {
        return faults;
    }

    /** How long every call of this mailbox takes before it is answered, while holding its slot. */
    Duration latency() {
        return latency;
    }

    void setLatency(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        latency = wait;
    }
}
