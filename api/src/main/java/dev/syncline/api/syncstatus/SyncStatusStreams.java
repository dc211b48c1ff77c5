package dev.syncline.api.syncstatus;

import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
import dev.syncline.messages.sync.SyncStatusView;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a subscription query on an account's sync status into a stream of server-sent events: the initial
 * answer, then each update, on a scheduler of their own, so that a slow client never holds up the event
 * processor that emits the updates. A comment every heartbeat keeps proxies from closing an idle stream and
 * finds out when the client has gone; then, as at the end of the stream's lifetime, the subscription is cancelled.
 */
@Component
public class SyncStatusStreams {

    /** The name of every event of the stream. */
    public static final String EVENT_NAME = "sync-status";

    private static final Logger log = LoggerFactory.getLogger(SyncStatusStreams.class);

    private final QueryGateway queries;
    private final Duration lifetime;
    private final Duration heartbeat;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "sync-status-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param lifetime  how long a stream stays open before it ends and the client reconnects
     *                  ({@code syncline.sync-status.stream-lifetime})
     * @param heartbeat how often an idle stream sends a comment ({@code syncline.sync-status.stream-heartbeat})
     */
    public SyncStatusStreams(QueryGateway queries,
                             @Value("${syncline.sync-status.stream-lifetime:30m}") Duration lifetime,
                             @Value("${syncline.sync-status.stream-heartbeat:15s}") Duration heartbeat) {
        this.queries = queries;
        this.lifetime = lifetime;
        this.heartbeat = heartbeat;
    }

    /** Opens the stream of the account's status; the caller has checked that the account is theirs. */
    public SseEmitter open(FindAccountSyncStatusQuery query) {
        SseEmitter emitter = new SseEmitter(lifetime.toMillis());
        SubscriptionQueryResult<List<SyncStatusView>, SyncStatusView> result = queries.subscriptionQuery(query,
                ResponseTypes.multipleInstancesOf(SyncStatusView.class), ResponseTypes.instanceOf(SyncStatusView.class));
        new Stream(emitter, result).start();
        return emitter;
    }

    @PreDestroy
    void stop() {
        heartbeats.shutdownNow();
    }

    /** One client's stream: ends once, whoever ends it (the client, the lifetime, the subscription, an error). */
    private final class Stream {

        private final SseEmitter emitter;
        private final SubscriptionQueryResult<List<SyncStatusView>, SyncStatusView> result;
        private final AtomicBoolean closed = new AtomicBoolean();
        private volatile Disposable subscription;
        private volatile ScheduledFuture<?> beats;

        Stream(SseEmitter emitter, SubscriptionQueryResult<List<SyncStatusView>, SyncStatusView> result) {
            this.emitter = emitter;
            this.result = result;
        }

        void start() {
            emitter.onCompletion(this::close);
            emitter.onTimeout(emitter::complete);
            emitter.onError(failure -> close());
            subscription = Flux.concat(result.initialResult().flatMapMany(Flux::fromIterable), result.updates())
                    .publishOn(Schedulers.boundedElastic())
                    .subscribe(this::send, this::failed, this::ended);
            beats = heartbeats.scheduleAtFixedRate(this::beat, heartbeat.toMillis(), heartbeat.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (closed.get()) {
                // The stream ended while it was being set up: close() found nothing yet to cancel.
                subscription.dispose();
                beats.cancel(false);
            }
        }

        private void send(SyncStatusView status) {
            write(SseEmitter.event().name(EVENT_NAME).data(status, MediaType.APPLICATION_JSON));
        }

        private void beat() {
            write(SseEmitter.event().comment("keep-alive"));
        }

        /** A failed write means the client has gone: the container reports it and completes the request. */
        private void write(SseEmitter.SseEventBuilder event) {
            if (closed.get()) {
                return;
            }
            try {
                emitter.send(event);
            } catch (IOException | IllegalStateException gone) {
                log.debug("Sync status stream closed by the client: {}", gone.toString());
                close();
            }
        }

        private void failed(Throwable failure) {
            log.warn("Sync status stream ended by its subscription: {}", failure.toString());
            complete();
        }

        private void ended() {
            complete();
        }

        private void complete() {
            if (!closed.get()) {
                emitter.complete();
            }
        }

        private void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            Disposable current = subscription;
            if (current != null) {
                current.dispose();
            }
            ScheduledFuture<?> currentBeats = beats;
            if (currentBeats != null) {
                currentBeats.cancel(false);
            }
            result.cancel();
        }
    }
}
