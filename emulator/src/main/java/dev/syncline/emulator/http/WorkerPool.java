package dev.syncline.emulator.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded thread pool behind the HTTP server. Bounded so that a test hammering the emulator
 * cannot exhaust threads; when the queue is full the dispatcher thread runs the request itself,
 * which slows accepting new connections instead of dropping them. Daemon threads, so an embedded
 * emulator that a test forgets to close does not keep the JVM alive.
 */
public final class WorkerPool {

    private static final int QUEUE_CAPACITY = 1_000;

    private WorkerPool() {
    }

    public static ExecutorService create(int threads) {
        return new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), daemonThreads(), new ThreadPoolExecutor.CallerRunsPolicy());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "emulator-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
