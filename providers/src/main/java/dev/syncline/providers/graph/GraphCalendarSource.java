package dev.syncline.providers.graph;

import dev.syncline.providers.metering.ProviderCallListener;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.calendar.events.delta.DeltaGetResponse;
import com.microsoft.graph.users.item.calendar.events.delta.DeltaRequestBuilder;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.providers.sync.CalendarSource;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.TransientProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the primary Outlook calendar through the Microsoft Graph SDK with the events delta
 * ({@code me().calendar().events().delta()}, which the SDK sends as
 * {@code /me/calendar/events/delta()?endDateTime=&startDateTime=}: the whole calendar, series as masters).
 * One request per page; the position is the next link, the cursor the delta link. Times are asked for in
 * UTC ({@code Prefer: outlook.timezone="UTC"}), so no Windows zone name has to be understood to place an
 * item in time. Deleted items come as {@code RemovedItem(id, null)}; cancelled ones stay, as
 * {@code CANCELLED}. Thread-safe.
 */
public final class GraphCalendarSource implements CalendarSource {

    private static final Logger log = LoggerFactory.getLogger(GraphCalendarSource.class);

    private final GraphSettings settings;
    private final GraphClients clients;
    private final GraphCalls calls;

    /** @param limiter the same instance as the {@link GraphMessageSource}'s, so both share a mailbox's limit */
    public GraphCalendarSource(GraphSettings settings, GraphMailboxLimiter limiter) {
        this(settings, limiter, Clock.systemUTC());
    }

    /** @param httpCalls told of every HTTP call to Microsoft Graph */
    public GraphCalendarSource(GraphSettings settings, GraphMailboxLimiter limiter, ProviderCallListener httpCalls) {
        this(settings, limiter, httpCalls, Clock.systemUTC());
    }

    GraphCalendarSource(GraphSettings settings, GraphMailboxLimiter limiter, Clock clock) {
        this(settings, limiter, ProviderCallListener.NONE, clock);
    }

    GraphCalendarSource(GraphSettings settings, GraphMailboxLimiter limiter, ProviderCallListener httpCalls, Clock clock) {
        this.settings = settings;
        this.clients = new GraphClients(settings, httpCalls);
        this.calls = new GraphCalls(limiter, clock);
    }

    @Override
    public Provider provider() {
        return Provider.MICROSOFT;
    }

    @Override
    public CalendarItemsPage fetch(MailboxAccess access, String position) {
        CalendarSyncState state = position == null ? new CalendarSyncState(null)
                : Positions.decode(position, CalendarSyncState.class);
        GraphServiceClient graph = clients.forToken(access.accessToken());
        String prefer = "odata.maxpagesize=" + settings.calendarPageSize()
                + ", outlook.timezone=\"UTC\", IdType=\"ImmutableId\", outlook.body-content-type=\"text\"";
        DeltaRequestBuilder delta = graph.me().calendar().events().delta();
        DeltaGetResponse response = calls.run(access, "calendar delta", () -> state.link() == null
                ? delta.get(request -> request.headers.add("Prefer", prefer))
                : delta.withUrl(state.link()).get(request -> request.headers.add("Prefer", prefer)));
        Map<String, CalendarItem> upserts = new LinkedHashMap<>();
        Map<String, RemovedItem> removals = new LinkedHashMap<>();
        for (Event event : response.getValue()) {
            if (CalendarItemMapping.isRemoval(event)) {
                upserts.remove(event.getId());
                removals.put(event.getId(), new RemovedItem(event.getId(), null));
            } else {
                removals.remove(event.getId());
                upserts.put(event.getId(), CalendarItemMapping.item(event, settings.bodyLimit()));
            }
        }
        log.debug("Graph calendar page for account {}: {} upserted, {} removed", access.accountId(), upserts.size(),
                removals.size());
        List<CalendarItem> upserted = List.copyOf(upserts.values());
        List<RemovedItem> removed = List.copyOf(removals.values());
        if (response.getOdataNextLink() != null) {
            String next = Positions.encode(new CalendarSyncState(response.getOdataNextLink()));
            return new CalendarItemsPage(upserted, removed, next, null, null);
        }
        if (response.getOdataDeltaLink() == null) {
            throw new TransientProviderException("Graph sent a calendar delta page without a next or delta link", null);
        }
        String cursor = Positions.encode(new CalendarSyncState(response.getOdataDeltaLink()));
        return new CalendarItemsPage(upserted, removed, null, cursor, null);
    }
}
