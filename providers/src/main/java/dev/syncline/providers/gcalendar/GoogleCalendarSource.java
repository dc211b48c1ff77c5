package dev.syncline.providers.gcalendar;

import com.google.api.client.http.HttpTransport;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.syncline.providers.metering.MeteredGoogleRequests;
import dev.syncline.providers.metering.ProviderCallListener;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.calendar.Calendar;
import com.google.api.services.calendar.model.Event;
import com.google.api.services.calendar.model.Events;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CalendarSource;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderSyncException;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reads a Google account's primary calendar, one {@code events.list} page per call, through the
 * official Calendar SDK. A full sync lists the calendar as recurring series
 * ({@code singleEvents=false}) without deleted items and ends with Google's sync token as the cursor;
 * an incremental sync lists what changed since that token, cancelled items becoming removals. A 410
 * (or a position this adapter cannot read) means: sync from scratch.
 *
 * <p>One instance serves many mailboxes concurrently. Each mailbox has its own client-side budget, and
 * after Google throttles a mailbox no call goes to that mailbox until the wait Google named (30 s when
 * it named none) has passed; other mailboxes carry on.
 */
public final class GoogleCalendarSource implements CalendarSource {

    private static final Logger log = LoggerFactory.getLogger(GoogleCalendarSource.class);
    private static final String APPLICATION_NAME = "Syncline";
    private static final String CANCELLED = "cancelled";

    private final GoogleCalendarSettings settings;
    private final HttpTransport transport;
    private final ProviderCallListener calls;
    private final Clock clock;
    private final GoogleCalendarRateLimiter limiter;

    public GoogleCalendarSource(GoogleCalendarSettings settings) {
        this(settings, new NetHttpTransport(), Clock.systemUTC());
    }

    /** @param transport shared by every call; the SDK's transports are thread-safe */
    public GoogleCalendarSource(GoogleCalendarSettings settings, HttpTransport transport, Clock clock) {
        this(settings, transport, ProviderCallListener.NONE, clock);
    }

    /** @param calls told of every HTTP call to Google Calendar */
    public GoogleCalendarSource(GoogleCalendarSettings settings, HttpTransport transport, ProviderCallListener calls, Clock clock) {
        this.calls = Objects.requireNonNull(calls, "calls");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.limiter = new GoogleCalendarRateLimiter(settings.requestsPerMinute(), settings.maxLimiterWait(), clock);
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    /**
     * @throws ProviderThrottledException   Google throttled the mailbox, or its wait is still running
     * @throws CursorExpiredException       410, or a position this adapter did not write
     * @throws AccessTokenRejectedException 401
     * @throws TransientProviderException   5xx, timeouts, connection failures
     * @throws MailboxUnavailableException  any other 4xx
     */
    @Override
    public CalendarItemsPage fetch(MailboxAccess access, String position) {
        GoogleCalendarPosition from = GoogleCalendarPosition.decode(position);
        awaitTurn(access.accountId());
        Events events = list(access, from);
        CalendarItemsPage page = page(from, events);
        log.debug("Read a Google calendar page of account {}: {} changed, {} removed, last page: {}",
                access.accountId(), page.upserted().size(), page.removed().size(), page.last());
        return page;
    }

    private void awaitTurn(String accountId) {
        Duration wait = limiter.reserve(accountId);
        if (!wait.isZero()) {
            try {
                Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientProviderException("Interrupted while waiting for the mailbox's request budget", e);
            }
        }
        limiter.requireNotPaused(accountId);
    }

    private Events list(MailboxAccess access, GoogleCalendarPosition from) {
        try {
            Calendar.Events.List request = calendarFor(access).events().list("primary")
                    .setSingleEvents(false)
                    .setMaxResults(settings.pageSize())
                    .setPageToken(from.pageToken());
            if (from.incremental()) {
                request.setSyncToken(from.syncToken());
            } else {
                request.setShowDeleted(false);
            }
            return request.execute();
        } catch (IOException e) {
            ProviderSyncException failure = GoogleCalendarFailures.classify(e, clock.instant());
            if (failure instanceof ProviderThrottledException throttled) {
                limiter.pause(access.accountId(), throttled.retryAfter());
            }
            throw failure;
        } catch (IllegalArgumentException e) {
            // The SDK's JSON parser reports a malformed answer this way; the next attempt may well read fine.
            throw new TransientProviderException("Google Calendar sent an answer that could not be read", null);
        }
    }

    /** A client per call, because the bearer token is per mailbox; building one does no I/O. */
    private Calendar calendarFor(MailboxAccess access) {
        return new Calendar.Builder(transport, GsonFactory.getDefaultInstance(),
                new MeteredGoogleRequests(new GoogleCalendarBearer(access.accessToken(), settings.connectTimeout(),
                        settings.readTimeout()), "calendar", calls))
                .setRootUrl(settings.rootUrl())
                .setApplicationName(APPLICATION_NAME)
                .build();
    }

    private static CalendarItemsPage page(GoogleCalendarPosition from, Events events) {
        List<CalendarItem> upserted = new ArrayList<>();
        List<RemovedItem> removed = new ArrayList<>();
        List<Event> items = events.getItems() == null ? List.of() : events.getItems();
        for (Event event : items) {
            if (CANCELLED.equals(event.getStatus())) {
                removed.add(new RemovedItem(event.getId(), null));
            } else {
                upserted.add(GoogleCalendarItemMapper.toItem(event, events.getTimeZone()));
            }
        }
        if (events.getNextPageToken() != null) {
            return new CalendarItemsPage(upserted, removed, from.continuedAt(events.getNextPageToken()).encode(), null, null);
        }
        if (events.getNextSyncToken() == null) {
            throw new TransientProviderException("Google Calendar ended a listing without a sync token", null);
        }
        String cursor = GoogleCalendarPosition.incrementalFrom(events.getNextSyncToken()).encode();
        return new CalendarItemsPage(upserted, removed, null, cursor, null);
    }
}
