package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.EmulatedUser;
import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.CalendarSnapshotItem;
import dev.syncline.emulator.mailbox.GeneratedCalendarItem;
import dev.syncline.emulator.state.ProviderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Google Calendar API of the emulated Google: {@code events.list} on each user's primary calendar
 * at {@code GET /calendar/v3/calendars/{calendarId}/events}, with sync tokens, {@code showDeleted},
 * {@code timeMin}/{@code timeMax}, paging up to 2,500 items, 410 {@code fullSyncRequired} for an expired
 * token, an optional per-user quota, injectable server errors and latency. Recurring items are listed
 * as series: {@code singleEvents=true} is not supported by the emulator and answers 400.
 *
 * <p>Beside {@link CalendarControl}, tests and demos control it from Java (quota, faults, latency,
 * counters) or over HTTP under {@code /_emulator/google/mailboxes/{email}/calendar/}; see
 * {@link CalendarControlRoutes}. Every method is thread-safe; calendars of different users never
 * share a lock.
 */
public final class GoogleCalendarEmulator implements RouteModule, CalendarControl {

    private static final Logger log = LoggerFactory.getLogger(GoogleCalendarEmulator.class);

    private final ProviderState google;
    private final ConcurrentMap<String, CalendarAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicReference<CalendarQuota> defaultQuota = new AtomicReference<>(CalendarQuota.GOOGLE_DEFAULT);

    public GoogleCalendarEmulator(ProviderState google) {
        this.google = google;
    }

    @Override
    public void register(Router router) {
        EventsListEndpoint events = new EventsListEndpoint(google, this::account);
        router.get("/calendar/v3/calendars/{calendarId}/events", events::handle);
        new CalendarControlRoutes(this, google.clock()).register(router);
    }

    /** Back to start-up: no calendars, Google's default quota switched off, no faults, latency or counts. */
    public void reset() {
        accounts.clear();
        defaultQuota.set(CalendarQuota.GOOGLE_DEFAULT);
    }

    /** @throws NoSuchElementException if Google has no such user */
    @Override
    public List<String> seed(String email, List<GeneratedCalendarItem> items) {
        List<String> ids = knownAccount(email).calendar().seed(items);
        log.info("Seeded the Google calendar of {} with {} item(s)", email, ids.size());
        return ids;
    }

    @Override
    public String addItem(String email, GeneratedCalendarItem item) {
        return knownAccount(email).calendar().add(item);
    }

    /** @throws NoSuchElementException if the user or a listed item with this id is unknown */
    @Override
    public void updateItem(String email, String id, String newTitle, LocalDateTime newStart) {
        knownAccount(email).calendar().edit(id, newTitle, newStart);
    }

    @Override
    public void deleteItem(String email, String id) {
        knownAccount(email).calendar().cancel(id);
    }

    @Override
    public void expireCursors(String email) {
        knownAccount(email).calendar().expireCursors();
        log.info("Expired the calendar sync and page tokens of {}", email);
    }

    @Override
    public List<CalendarSnapshotItem> snapshot(String email) {
        return knownAccount(email).calendar().snapshot();
    }

    /** Switches every user's quota on or off, keeping each one's limit and window. */
    @Override
    public void setThrottling(boolean enabled) {
        defaultQuota.updateAndGet(quota -> quota.withEnabled(enabled));
        accounts.values().forEach(account -> account.setQuota(account.quota().withEnabled(enabled)));
        log.info("Google calendar throttling {}", enabled ? "on" : "off");
    }

    /** Gives every user, present and future, this quota. */
    public void setQuota(CalendarQuota quota) {
        defaultQuota.set(quota);
        accounts.values().forEach(account -> account.setQuota(quota));
    }

    public void setQuota(String email, CalendarQuota quota) {
        knownAccount(email).setQuota(quota);
    }

    public CalendarQuota quota(String email) {
        return knownAccount(email).quota();
    }

    public CalendarCounters counters(String email) {
        return knownAccount(email).counters().snapshot();
    }

    public void resetCounters(String email) {
        knownAccount(email).counters().reset();
    }

    /** Queues server errors for the user's next calls, after any already queued. */
    public void injectFault(String email, CalendarFault fault) {
        knownAccount(email).faults().add(fault);
        log.info("Queued {} x{} for the Google calendar of {}", fault.status(), fault.times(), email);
    }

    public List<CalendarFault> pendingFaults(String email) {
        return knownAccount(email).faults().pending();
    }

    public void clearFaults(String email) {
        knownAccount(email).faults().clear();
    }

    /** Delays every Calendar API call of the user by this much; zero turns it off. */
    public void setLatency(String email, Duration latency) {
        knownAccount(email).faults().setLatency(latency);
    }

    public Duration latency(String email) {
        return knownAccount(email).faults().latency();
    }

    private CalendarAccount knownAccount(String email) {
        EmulatedUser user = google.users().find(email).orElseThrow(() ->
                new NoSuchElementException("No google user " + email));
        return account(user.email());
    }

    /** The account of a user the caller already knows to exist; created empty on first use. */
    private CalendarAccount account(String email) {
        return accounts.computeIfAbsent(email, key -> new CalendarAccount(key, google.clock(), defaultQuota.get()));
    }
}
