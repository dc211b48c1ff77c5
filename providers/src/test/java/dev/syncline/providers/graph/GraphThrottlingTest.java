package dev.syncline.providers.graph;

import dev.syncline.emulator.graph.GraphMailboxCounters;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.providers.sync.ProviderThrottledException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import static dev.syncline.providers.graph.EmulatedGraph.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphThrottlingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private EmulatedGraph graph;

    @BeforeEach
    void start() {
        graph = new EmulatedGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void mailAndCalendarOfOneMailboxReadFromManyThreadsStayWithinOutlooksLimits() throws Exception {
        graph.seed(600, 4, 120);
        graph.mail.setThrottling(true);
        graph.mail.setRequestBudget(120, Duration.ofSeconds(2));
        graph.mail.setLatency(USER, Duration.ofMillis(15));
        GraphSettings settings = graph.settings().withMailPageSize(50).withCalendarPageSize(20);
        GraphMailboxLimiter limiter = new GraphMailboxLimiter(settings);
        GraphMessageSource mail = new GraphMessageSource(settings, limiter);
        GraphCalendarSource calendar = new GraphCalendarSource(settings, limiter);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<MailReplica>> mailSyncs = new ArrayList<>();
            List<Future<CalendarReplica>> calendarSyncs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                mailSyncs.add(threads.submit(() -> syncMail(mail)));
                calendarSyncs.add(threads.submit(() -> syncCalendar(calendar)));
            }

            for (Future<MailReplica> sync : mailSyncs) {
                assertThat(sync.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).asSnapshot()).isEqualTo(graph.mail.snapshot(USER));
            }
            for (Future<CalendarReplica> sync : calendarSyncs) {
                assertThat(sync.get(PATIENCE.toSeconds(), TimeUnit.SECONDS).asSnapshot())
                        .isEqualTo(graph.calendar.snapshot(USER));
            }
        } finally {
            threads.shutdownNow();
        }
        GraphMailboxCounters counters = graph.mail.counters(USER);
        assertThat(counters.throttled()).as("the budget made Graph throttle").isPositive();
        assertThat(counters.concurrencyThrottled()).isZero();
        assertThat(counters.maxConcurrentRequests()).isBetween(2, 4);
        assertThat(counters.requestsDuringRetryAfter()).isZero();
        assertThat(counters.batches()).isPositive();
    }

    @Test
    void aThrottledMailboxIsNotCalledAgainUntilItsRetryAfterHasPassed() {
        graph.seed(50, 0, 0);
        GraphSettings settings = graph.settings();
        GraphMailboxLimiter limiter = new GraphMailboxLimiter(settings);
        GraphMessageSource mail = new GraphMessageSource(settings, limiter);
        GraphCalendarSource calendar = new GraphCalendarSource(settings, limiter);
        graph.mail.injectFaults(USER, 503, 1, Duration.ofSeconds(3));

        assertThatThrownBy(() -> mail.fetch(graph.access, null)).isInstanceOfSatisfying(ProviderThrottledException.class,
                throttled -> assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(3)));
        long requestsAfterThrottle = graph.mail.counters(USER).requests();
        assertThatThrownBy(() -> calendar.fetch(graph.access, null)).isInstanceOfSatisfying(ProviderThrottledException.class,
                throttled -> assertThat(throttled.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(3)));

        assertThat(graph.mail.counters(USER).requests()).isEqualTo(requestsAfterThrottle);
        assertThat(limiter.coolDownRemaining(EmulatedGraph.ACCOUNT)).isPresent();
        assertThat(limiter.coolDownRemaining("another-account")).isEmpty();
    }

    @Test
    void serverErrorsAndTimeoutsAreTransient() {
        graph.seed(20, 0, 0);
        GraphSettings settings = graph.settings().withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(500));
        GraphMessageSource mail = new GraphMessageSource(settings, new GraphMailboxLimiter(settings));

        graph.mail.injectFaults(USER, 500, 1, null);
        assertThatThrownBy(() -> mail.fetch(graph.access, null)).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("500");
        graph.mail.injectFaults(USER, 504, 1, null);
        assertThatThrownBy(() -> mail.fetch(graph.access, null)).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("504");
        graph.mail.setLatency(USER, Duration.ofMillis(1_500));
        assertThatThrownBy(() -> mail.fetch(graph.access, null)).isInstanceOf(TransientProviderException.class);
        graph.mail.setLatency(USER, Duration.ZERO);
        assertThat(mail.fetch(graph.access, null).upserted()).isNotEmpty();
    }

    private MailReplica syncMail(GraphMessageSource source) throws InterruptedException {
        MailReplica replica = new MailReplica();
        patiently(position -> {
            MessagesPage page = source.fetch(graph.access, position);
            replica.apply(page);
            return page.last() ? null : page.nextPosition();
        });
        return replica;
    }

    private CalendarReplica syncCalendar(GraphCalendarSource source) throws InterruptedException {
        CalendarReplica replica = new CalendarReplica();
        patiently(position -> {
            CalendarItemsPage page = source.fetch(graph.access, position);
            replica.apply(page);
            return page.last() ? null : page.nextPosition();
        });
        return replica;
    }

    /** Fetches page after page as the sync does: after a throttle, waits what it was told, then asks again. */
    private static void patiently(Function<String, String> fetchAndApply) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        String position = null;
        boolean first = true;
        while (first || position != null) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("The sync did not finish in " + PATIENCE);
            }
            try {
                position = fetchAndApply.apply(position);
                first = false;
            } catch (ProviderThrottledException throttled) {
                Thread.sleep(throttled.retryAfter().toMillis());
            }
        }
    }
}
