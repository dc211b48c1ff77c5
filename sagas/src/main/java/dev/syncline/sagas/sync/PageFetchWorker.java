package dev.syncline.sagas.sync;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs page fetches off the event processors' threads, so that provider I/O never holds up other
 * accounts' events. A request is handed over only when the saga's transaction commits, and the same
 * page of the same sync is never fetched twice at once (the watchdog asks again only for a fetch that
 * no longer runs here).
 */
@Component
public class PageFetchWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PageFetchWorker.class);

    private final PageFetcher fetcher;
    private final ExecutorService pool;
    private final Set<PageRequest> inFlight = ConcurrentHashMap.newKeySet();

    public PageFetchWorker(PageFetcher fetcher, SyncSettings settings) {
        this.fetcher = fetcher;
        this.pool = Executors.newFixedThreadPool(settings.workerThreads(), threads());
    }

    /** Fetches the page after the current unit of work commits, or now when there is none. */
    public void fetchAfterCommit(PageRequest request) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> submit(request));
        } else {
            submit(request);
        }
    }

    /** Whether this node is fetching exactly this page of this sync right now. */
    public boolean isFetching(PageRequest request) {
        return inFlight.contains(request);
    }

    private void submit(PageRequest request) {
        if (!inFlight.add(request)) {
            return;
        }
        try {
            pool.execute(() -> {
                try {
                    fetcher.fetch(request);
                } catch (RuntimeException e) {
                    // Recording the outcome failed (the database is away, say); the saga's watchdog asks again.
                    log.warn("Sync {} could not record a page outcome: {}", request.syncId(), FailureReason.of(e));
                } finally {
                    inFlight.remove(request);
                }
            });
        } catch (RuntimeException e) {
            inFlight.remove(request);
            throw e;
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        pool.shutdownNow();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sync-fetch-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
