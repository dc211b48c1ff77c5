package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Router;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Graph v1.0 mail and calendar routes. Each route is registered twice: under {@code /v1.0} on the
 * server's router, and as is on a router of its own that {@code $batch} steps are resolved against.
 */
final class GraphApi {

    private static final String VERSION = "/v1.0";

    private final List<ApiRoute> routes;
    private final BatchEndpoint batch;

    GraphApi(GraphCallPipeline pipeline, GraphMailboxes mailboxes, Clock clock) {
        MailFoldersEndpoint folders = new MailFoldersEndpoint();
        MessagesDeltaEndpoint messages = new MessagesDeltaEndpoint();
        AttachmentsEndpoint attachments = new AttachmentsEndpoint();
        EventsDeltaEndpoint events = new EventsDeltaEndpoint();
        this.routes = List.of(
                new ApiRoute("/me/mailFolders", folders::list, pipeline, clock),
                new ApiRoute("/me/mailFolders/{folderId}", folders::one, pipeline, clock),
                new ApiRoute("/me/mailFolders/{folderId}/messages/delta()", messages::handle, pipeline, clock),
                new ApiRoute("/me/mailFolders/{folderId}/messages/delta", messages::handle, pipeline, clock),
                new ApiRoute("/me/messages/{messageId}/attachments", attachments::list, pipeline, clock),
                new ApiRoute("/me/calendar/events/delta()", events::handle, pipeline, clock),
                new ApiRoute("/me/calendar/events/delta", events::handle, pipeline, clock),
                new ApiRoute("/me/calendarView/delta()", events::handle, pipeline, clock),
                new ApiRoute("/me/calendarView/delta", events::handle, pipeline, clock));
        Router steps = new Router();
        routes.forEach(route -> steps.get(route.pattern(), route));
        this.batch = new BatchEndpoint(pipeline, mailboxes, steps, batchSteps(), clock);
    }

    void register(Router router) {
        routes.forEach(route -> router.get(VERSION + route.pattern(), route));
        router.post(VERSION + "/$batch", batch::handle);
    }

    /** Threads for batch steps, apart from the server's pool so that a batch never waits for itself. */
    private static ExecutorService batchSteps() {
        AtomicInteger counter = new AtomicInteger();
        ThreadFactory daemons = runnable -> {
            Thread thread = new Thread(runnable, "graph-batch-step-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(daemons);
    }
}
