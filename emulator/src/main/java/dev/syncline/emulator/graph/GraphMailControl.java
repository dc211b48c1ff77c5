package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Control of the emulated Outlook mail, and of what applies to a Graph mailbox as a whole (mail and
 * calendar alike): throttling, counters, faults and latency. Reach it with
 * {@code (GraphMailControl) control.mail(EmulatedProvider.MICROSOFT)}, or over HTTP under
 * {@code /_emulator/microsoft/}. Ids are immutable ids; folders are named as the generator names them
 * ({@code Inbox}, {@code Sent}, {@code Archive}, user folders), by display name, well-known name or id;
 * an unknown name makes a new user folder. Unknown message ids throw {@link NoSuchElementException}.
 */
public final class GraphMailControl implements MailControl {

    private static final Logger log = LoggerFactory.getLogger(GraphMailControl.class);

    private final GraphMailboxes mailboxes;

    GraphMailControl(GraphMailboxes mailboxes) {
        this.mailboxes = mailboxes;
    }

    @Override
    public List<String> seed(String email, GeneratedMailbox mailbox) {
        List<String> ids = mailboxes.of(email).mail().seed(mailbox);
        log.info("Seeded the Graph mailbox of {} with {} messages in {} folders", email, ids.size(),
                mailbox.folders().size());
        return ids;
    }

    @Override
    public String addMessage(String email, GeneratedMessage message) {
        return mailboxes.of(email).mail().add(message);
    }

    @Override
    public void updateMessage(String email, String id, boolean unread, String newSubject) {
        mailboxes.of(email).mail().update(id, unread, newSubject);
    }

    @Override
    public void moveMessage(String email, String id, String folder) {
        mailboxes.of(email).mail().move(id, folder);
    }

    @Override
    public void deleteMessage(String email, String id) {
        mailboxes.of(email).mail().delete(id);
    }

    /** Every delta and skip token of the user's mail answers 410 {@code syncStateNotFound} from now on. */
    @Override
    public void expireCursors(String email) {
        mailboxes.of(email).mail().expireCursors();
    }

    @Override
    public List<MailSnapshotItem> snapshot(String email) {
        return mailboxes.of(email).mail().snapshot();
    }

    /** Switches per-mailbox throttling (concurrency and request budget) for mail and calendar alike. */
    @Override
    public void setThrottling(boolean enabled) {
        mailboxes.updateThrottling(settings -> settings.withEnabled(enabled));
        log.info("Graph throttling {}", enabled ? "on" : "off");
    }

    /** Each mailbox may make {@code requests} calls per {@code window}; Outlook's is 10,000 per 10 minutes. */
    public void setRequestBudget(int requests, Duration window) {
        mailboxes.updateThrottling(settings -> settings.withRequestBudget(requests, window));
    }

    public ThrottleSettings throttling() {
        return mailboxes.throttling();
    }

    public GraphMailboxCounters counters(String email) {
        return mailboxes.of(email).traffic().counters();
    }

    public void resetCounters(String email) {
        mailboxes.of(email).traffic().resetCounters();
    }

    /**
     * The next {@code times} Graph calls of the mailbox answer {@code status} (500, 503 or 504), with
     * {@code Retry-After} when {@code retryAfter} is not null.
     */
    public void injectFaults(String email, int status, int times, Duration retryAfter) {
        mailboxes.of(email).faults().add(new TransientFaults.Fault(status, times, retryAfter));
    }

    public void clearFaults(String email) {
        mailboxes.of(email).faults().clear();
    }

    /** Every Graph call of the mailbox takes this long before it is answered (and holds its slot meanwhile). */
    public void setLatency(String email, Duration latency) {
        mailboxes.of(email).setLatency(latency);
    }
}
