package dev.syncline.api.calendar;

import dev.syncline.api.mail.QueryParameters;
import dev.syncline.api.accounts.CallersAccounts;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.sync.CalendarItemView;
import dev.syncline.messages.sync.FindCalendarItemsQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's synced calendar items in a time window.
 *
 * <p>{@code GET /api/v1/calendar-events?from=…&to=…} lists the items that overlap [from, to) (ISO-8601
 * instants, both required, {@code to} later than {@code from}, at most 366 days apart), earliest start
 * first; {@code GET /api/v1/calendar-events/next-24-hours} does the same for the next 24 hours. Both take an
 * optional {@code accountId} (one of the caller's accounts, else 404) and answer
 * {@code {"from": …, "to": …, "items": [...]}}.
 *
 * <p>A recurring series is listed once, as its first occurrence with its {@code recurrence} rules, when
 * that occurrence starts before {@code to}; the client expands it (in the series' {@code timeZone}) to find
 * its occurrences in the window. Occurrences changed on their own are separate items with a
 * {@code seriesId}; a cancelled one has status {@code CANCELLED}. All-day items span midnight UTC to
 * midnight UTC.
 */
@RestController
@RequestMapping("/api/v1/calendar-events")
public class CalendarEventsController {

    /** The longest window one request may ask for. */
    static final Duration MAX_WINDOW = Duration.ofDays(366);
    static final Duration NEXT_DAY = Duration.ofHours(24);

    private final QueryGateway queries;
    private final CallersAccounts accounts;
    private final Clock clock;

    /** The items of a window, with the window they were asked for. */
    public record CalendarItemsResponse(Instant from, Instant to, List<CalendarItemView> items) {
    }

    public CalendarEventsController(QueryGateway queries, CallersAccounts accounts, Clock clock) {
        this.queries = queries;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping
    public CalendarItemsResponse list(@RequestParam(name = "from", required = false) String from,
                                      @RequestParam(name = "to", required = false) String to,
                                      @RequestParam(name = "accountId", required = false) String accountId,
                                      @AuthenticationPrincipal CurrentUser caller) {
        QueryParameters parameters = new QueryParameters();
        Instant start = parameters.requiredInstant("from", from);
        Instant end = parameters.requiredInstant("to", to);
        if (start != null && end != null) {
            if (!end.isAfter(start)) {
                parameters.reject("to", "must be later than 'from'");
            } else if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
                parameters.reject("to", "must be at most " + MAX_WINDOW.toDays() + " days after 'from'");
            }
        }
        parameters.throwIfInvalid();
        return window(start, end, accountId, caller);
    }

    @GetMapping("/next-24-hours")
    public CalendarItemsResponse nextDay(@RequestParam(name = "accountId", required = false) String accountId,
                                         @AuthenticationPrincipal CurrentUser caller) {
        Instant now = clock.instant();
        return window(now, now.plus(NEXT_DAY), accountId, caller);
    }

    private CalendarItemsResponse window(Instant from, Instant to, String accountId, CurrentUser caller) {
        String workspace = caller.workspaceId().toString();
        String owner = caller.userId().toString();
        String account = accountId == null || accountId.isBlank() ? null
                : accounts.owned(accountId.strip(), caller, "You have no account with the id given as 'accountId'.").id();
        List<CalendarItemView> items = queries.query(new FindCalendarItemsQuery(workspace, owner, account, from, to),
                        ResponseTypes.multipleInstancesOf(CalendarItemView.class))
                .join();
        return new CalendarItemsResponse(from, to, items);
    }

}
