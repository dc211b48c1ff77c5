package dev.syncline.emulator.gmail;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.ProviderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The Gmail API of the emulated Google, on the paths the Gmail SDK uses ({@code /gmail/v1/users/me/…}
 * and {@code POST /batch/gmail/v1}), with one mailbox per user, history, quotas, faults, and control
 * over Java ({@link MailControl} plus the methods below) and HTTP
 * ({@code /_emulator/google/mailboxes/{email}/mail/…}). All methods are thread-safe.
 */
public final class GmailEmulator implements RouteModule, MailControl {

    /** Operator actions explain what a test or demo sees next, so they log at INFO; never content. */
    private static final Logger log = LoggerFactory.getLogger(GmailEmulator.class);

    private final GmailMailboxes mailboxes;
    private final AtomicReference<GmailThrottling> throttling = new AtomicReference<>(GmailThrottling.defaults());
    private final GmailCalls calls;
    private final GmailBatchEndpoint batch;
    private final Clock clock;

    public GmailEmulator(ProviderState google) {
        this.mailboxes = new GmailMailboxes(google.clock());
        this.calls = new GmailCalls(new BearerAuthentication(google.grants()), mailboxes, throttling::get);
        this.batch = new GmailBatchEndpoint(calls);
        this.clock = google.clock();
    }

    @Override
    public void register(Router router) {
        for (GmailOperation operation : GmailOperation.values()) {
            router.get(operation.routePattern(), request -> direct(operation, request));
        }
        router.post("/batch/gmail/v1", batch::handle);
        new GmailControlRoutes(this, clock).register(router);
    }

    private Response direct(GmailOperation operation, Request request) throws InterruptedException {
        long arrivedAt = System.nanoTime();
        String id = operation == GmailOperation.GET_MESSAGE ? request.pathVariable("id") : null;
        return calls.handle(request, new GmailOperation.Match(operation, request.pathVariable("userId"), id),
                ApiQuery.of(request.query()), arrivedAt);
    }

    /** Drops every mailbox and returns throttling to its defaults (off, 250 units/s, Retry-After 2 s). */
    public void reset() {
        mailboxes.clear();
        throttling.set(GmailThrottling.defaults());
    }

    @Override
    public List<String> seed(String email, GeneratedMailbox mailbox) {
        List<String> ids = mailboxes.of(email).store().seed(mailbox);
        log.info("Seeded the Gmail mailbox of {} with {} messages in {} folders", email, ids.size(), mailbox.folders().size());
        return ids;
    }

    /** Its internal date is the message's {@code receivedAt} (the emulator's clock when it has none). */
    @Override
    public String addMessage(String email, GeneratedMessage message) {
        return mailboxes.of(email).store().add(message);
    }

    /** @throws NoSuchElementException if the mailbox holds no such message */
    @Override
    public void updateMessage(String email, String id, boolean unread, String newSubject) {
        mailboxes.of(email).store().update(id, unread, newSubject);
    }

    /** @throws NoSuchElementException if the mailbox holds no such message */
    @Override
    public void moveMessage(String email, String id, String folder) {
        mailboxes.of(email).store().move(id, folder);
    }

    /** @throws NoSuchElementException if the mailbox holds no such message */
    @Override
    public void deleteMessage(String email, String id) {
        mailboxes.of(email).store().delete(id);
    }

    /** Every history id and page token handed out so far is refused from now on (404 and 400). */
    @Override
    public void expireCursors(String email) {
        mailboxes.of(email).store().expireCursors();
        log.info("Expired the Gmail history and page tokens of {}", email);
    }

    @Override
    public List<MailSnapshotItem> snapshot(String email) {
        return mailboxes.of(email).store().snapshot();
    }

    @Override
    public void setThrottling(boolean enabled) {
        updateThrottling(current -> current.withEnabled(enabled));
    }

    public GmailThrottling throttling() {
        return throttling.get();
    }

    /** Changes the quota settings of every mailbox at once; answers the new settings. */
    public GmailThrottling updateThrottling(UnaryOperator<GmailThrottling> change) {
        GmailThrottling updated = throttling.updateAndGet(change);
        log.info("Gmail throttling {} ({} units/s, Retry-After {} s)", updated.enabled() ? "on" : "off",
                updated.unitsPerSecond(), updated.retryAfter().toSeconds());
        return updated;
    }

    /** What a 429 tells the client to wait; whole seconds, at least one. */
    public void setRetryAfter(Duration retryAfter) {
        updateThrottling(current -> current.withRetryAfter(retryAfter));
    }

    public GmailCounters counters(String email) {
        return mailboxes.of(email).traffic().counters();
    }

    public void resetCounters(String email) {
        mailboxes.of(email).traffic().resetCounters();
    }

    /**
     * The next {@code times} Gmail API calls of the mailbox (batch parts included) answer {@code status}.
     *
     * @param status 500 or 503
     */
    public void injectFaults(String email, int status, int times) {
        if (status != 500 && status != 503) {
            throw new IllegalArgumentException("Gmail faults are 500 or 503, not " + status);
        }
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        mailboxes.of(email).traffic().addFaults(status, times);
        log.info("Queued {} Gmail fault(s) {} for {}", times, status, email);
    }

    public int pendingFaults(String email) {
        return mailboxes.of(email).traffic().pendingFaults();
    }

    public void clearFaults(String email) {
        mailboxes.of(email).traffic().clearFaults();
    }

    /** Added to every Gmail API call of the mailbox (each batch part too); zero turns it off. */
    public void setLatency(String email, Duration latency) {
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        mailboxes.of(email).traffic().setLatency(latency);
    }

    public Duration latency(String email) {
        return mailboxes.of(email).traffic().latency();
    }

    /** Off answers every call 400 {@code failedPrecondition} "Mail service not enabled", as Gmail does. */
    public void setMailServiceEnabled(String email, boolean enabled) {
        mailboxes.of(email).store().setServiceEnabled(enabled);
    }
}
