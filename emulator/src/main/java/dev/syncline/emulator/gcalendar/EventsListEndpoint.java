package dev.syncline.emulator.gcalendar;

import dev.syncline.emulator.http.Request;
import dev.syncline.emulator.http.Response;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.AccessToken;
import dev.syncline.emulator.state.ProviderState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code GET /calendar/v3/calendars/{calendarId}/events}: Google's {@code events.list} on the caller's
 * primary calendar ({@code primary} or the user's own email). In order: the bearer token (401), the
 * user's added latency, the quota (429 or 403 when throttling is on), a queued fault (500/503), then
 * the listing itself (400, 404, 410 or the page).
 */
final class EventsListEndpoint {

    private static final Logger log = LoggerFactory.getLogger(EventsListEndpoint.class);
    /** The zone the emulated calendars are set to; items carry their own zones. */
    private static final String CALENDAR_TIME_ZONE = "UTC";

    private final Clock clock;
    private final BearerAuthentication bearer;
    private final Function<String, CalendarAccount> accounts;

    EventsListEndpoint(ProviderState google, Function<String, CalendarAccount> accounts) {
        this.clock = google.clock();
        this.bearer = new BearerAuthentication(google.grants());
        this.accounts = accounts;
    }

    Response handle(Request request) throws InterruptedException {
        Optional<AccessToken> token = bearer.authenticate(request);
        if (token.isEmpty()) {
            return GoogleApiErrors.invalidCredentials(BearerAuthentication.presentedToken(request).isPresent());
        }
        String email = token.get().grant().user().email();
        CalendarAccount account = accounts.apply(email);
        account.counters().arrived(clock.instant());
        try {
            pause(account.faults().latency());
            return answer(request, email, account);
        } catch (CalendarApiException e) {
            return e.response();
        } finally {
            account.counters().finished();
        }
    }

    private Response answer(Request request, String email, CalendarAccount account) {
        Optional<Response> refusal = quotaRefusal(account).or(() -> injectedFault(account));
        if (refusal.isPresent()) {
            return refusal.get();
        }
        String calendarId = request.pathVariable("calendarId");
        if (!calendarId.equals("primary") && !calendarId.equalsIgnoreCase(email)) {
            return GoogleApiErrors.calendarNotFound();
        }
        ListingPage page = account.calendar().list(EventsQuery.parse(request.query()));
        log.debug("events.list answered {} item(s), last page: {}", page.items().size(), page.nextSyncToken() != null);
        return Response.json(200, body(page, email));
    }

    private Optional<Response> quotaRefusal(CalendarAccount account) {
        CalendarQuota quota = account.quota();
        if (!quota.enabled()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return account.window().admit(now, quota).map(wait -> {
            account.counters().throttled();
            if (quota.answer() == ThrottleAnswer.TOO_MANY_REQUESTS) {
                account.counters().toldToWaitUntil(now.plusSeconds(GoogleApiErrors.retryAfterSeconds(wait)));
            }
            return GoogleApiErrors.rateLimitExceeded(quota.answer(), wait);
        });
    }

    private Optional<Response> injectedFault(CalendarAccount account) {
        return account.faults().take().map(fault -> {
            Response failure = GoogleApiErrors.backendError(fault.status());
            if (fault.retryAfter().isEmpty()) {
                return failure;
            }
            long seconds = fault.retryAfter().get().toSeconds();
            account.counters().toldToWaitUntil(clock.instant().plusSeconds(seconds));
            return failure.withHeader("Retry-After", Long.toString(seconds));
        });
    }

    private Map<String, Object> body(ListingPage page, String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", "calendar#events");
        body.put("etag", "\"" + page.sequence() + "\"");
        body.put("summary", email);
        body.put("description", "");
        body.put("updated", EventJson.timestamp(clock.instant()));
        body.put("timeZone", CALENDAR_TIME_ZONE);
        body.put("accessRole", "owner");
        body.put("defaultReminders", List.of());
        if (page.nextPageToken() != null) {
            body.put("nextPageToken", page.nextPageToken());
        } else {
            body.put("nextSyncToken", page.nextSyncToken());
        }
        body.put("items", page.items().stream().map(event -> EventJson.render(event, email)).toList());
        return body;
    }

    private static void pause(Duration latency) throws InterruptedException {
        if (!latency.isZero()) {
            Thread.sleep(latency.toMillis());
        }
    }
}
