package dev.syncline.emulator.fault;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class FaultQueueTest {

    @Test
    void racingCallersConsumeExactlyTimesOccurrences() throws InterruptedException {
        FaultQueue queue = new FaultQueue();
        queue.add(Fault.of(FaultEndpoint.TOKEN, FaultKind.HTTP_500).times(10));
        ExecutorService callers = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<CompletableFuture<Boolean>> takes = IntStream.range(0, 100)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        awaitQuietly(go);
                        return queue.take(FaultEndpoint.TOKEN).isPresent();
                    }, callers))
                    .toList();
            go.countDown();

            long hits = takes.stream().map(f -> f.orTimeout(10, TimeUnit.SECONDS).join()).filter(hit -> hit).count();

            assertThat(hits).isEqualTo(10);
            assertThat(queue.pending()).isEmpty();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void pendingReportsTheOccurrencesLeft() {
        FaultQueue queue = new FaultQueue();
        queue.add(Fault.of(FaultEndpoint.REVOKE, FaultKind.SLOW).times(3));

        queue.take(FaultEndpoint.REVOKE);

        assertThat(queue.pending()).singleElement().extracting(Fault::times).isEqualTo(2);
        assertThat(queue.take(FaultEndpoint.TOKEN)).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
