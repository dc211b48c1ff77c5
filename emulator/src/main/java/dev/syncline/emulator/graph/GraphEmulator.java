package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.RouteModule;
import dev.syncline.emulator.http.Router;
import dev.syncline.emulator.mailbox.CalendarControl;
import dev.syncline.emulator.mailbox.MailControl;
import dev.syncline.emulator.oauth.BearerAuthentication;
import dev.syncline.emulator.state.ProviderState;

/**
 * The Microsoft Graph v1.0 mail and calendar API of the emulated Microsoft, on the paths of
 * graph.microsoft.com: mail folders, per-folder message delta, attachment metadata, calendar delta and
 * JSON batching, behind the bearer tokens the emulated Microsoft issues; with Outlook's per-mailbox
 * throttling (switchable), injectable faults and latency; and its control API under
 * {@code /_emulator/microsoft/}.
 *
 * <p>{@link #mail()} is a {@link GraphMailControl} and {@link #calendar()} a {@link GraphCalendarControl}:
 * cast to reach the Graph-only controls (counters, request budget, faults, latency).
 */
public final class GraphEmulator implements RouteModule {

    private final GraphMailboxes mailboxes = new GraphMailboxes();
    private final GraphApi api;
    private final GraphMailControl mail;
    private final GraphCalendarControl calendar;
    private final GraphControlRoutes controlRoutes;

    public GraphEmulator(ProviderState microsoft) {
        GraphCallPipeline pipeline = new GraphCallPipeline(new BearerAuthentication(microsoft.grants()), mailboxes,
                microsoft.clock());
        this.api = new GraphApi(pipeline, mailboxes, microsoft.clock());
        this.mail = new GraphMailControl(mailboxes);
        this.calendar = new GraphCalendarControl(mailboxes);
        this.controlRoutes = new GraphControlRoutes(mail, calendar, microsoft.clock());
    }

    @Override
    public void register(Router router) {
        api.register(router);
        controlRoutes.register(router);
    }

    /** Forgets every mailbox and switches throttling off with Outlook's limits. */
    public void reset() {
        mailboxes.reset();
    }

    public MailControl mail() {
        return mail;
    }

    public CalendarControl calendar() {
        return calendar;
    }
}
