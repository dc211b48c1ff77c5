package dev.syncline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.api.testing.MutableClock;
import dev.syncline.query.replay.SegmentPositions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awaitility.Awaitility;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.deadletter.InMemorySequencedDeadLetterQueue;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The processor health indicators against a real Axon configuration with pooled streaming processors. */
class ProcessorHealthTest {

    private static final String HEALTHY = "healthy-projection";
    private static final String BROKEN = "broken-projection";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final RecentHandlerFailures failures = new RecentHandlerFailures(Clock.systemUTC());
    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void readinessIsOutOfServiceUntilEveryProcessorHasStarted() {
        axon = configuration(false);
        ProcessorsReadinessIndicator readiness = new ProcessorsReadinessIndicator(statuses());

        Health before = readiness.health();
        axon.start();

        assertThat(before.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
        assertThat(before.getDetails().get("notStarted").toString()).contains(HEALTHY);
        Awaitility.await().atMost(WAIT).until(() -> readiness.health().getStatus().equals(Status.UP));
    }

    @Test
    void runningProcessorsAreUpWithTheirSegmentsAndNoLag() {
        axon = configuration(false);
        EventProcessorsHealthIndicator health = startAndPublishOneEvent();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.UP);
            assertThat(details(answer, HEALTHY)).containsEntry("running", true).containsEntry("error", false)
                    .containsEntry("lag", 0L).containsEntry("mode", "pooled");
            assertThat((Long) details(answer, HEALTHY).get("claimedSegments")).isPositive();
        });
    }

    /**
     * A tracking processor keeps a failing segment in error while it retries. (A pooled one releases the failed
     * segment and claims it again, so its error shows only between the two; with a dead-letter queue, a failing
     * event becomes a dead letter instead.)
     */
    @Test
    void aProcessorInErrorMakesTheHealthDownWithTheErrorMessage() {
        axon = configuration(true);
        EventProcessorsHealthIndicator health = startAndPublishOneEvent();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(details(answer, BROKEN)).containsEntry("error", true);
            assertThat(details(answer, BROKEN).get("errorMessage").toString()).contains("the projection broke");
            assertThat(details(answer, BROKEN)).containsEntry("mode", "tracking");
            assertThat(details(answer, HEALTHY)).containsEntry("error", false);
        });
    }

    @Test
    void aPooledProcessorThatKeepsFailingIsDownWithItsLastFailure() {
        axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing.usingPooledStreamingEventProcessors()
                        .registerEventHandler(config -> new BrokenProjection())
                        .registerListenerInvocationErrorHandler(BROKEN, config -> PropagatingErrorHandler.instance())
                        .registerDefaultHandlerInterceptor((config, group) -> failures.recorder(group)))
                .buildConfiguration();
        EventProcessorsHealthIndicator health = startAndPublishOneEvent();

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(details(answer, BROKEN)).containsEntry("error", true).containsEntry("mode", "pooled");
            // Remembered, not only the moment the segment is in error (that message has no time).
            assertThat(details(answer, BROKEN).get("errorMessage").toString())
                    .startsWith("at ").endsWith(": IllegalStateException: the projection broke on one");
        });
    }

    @Test
    void aFailureIsForgottenAfterAMinuteWithoutAnother() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        RecentHandlerFailures recent = new RecentHandlerFailures(clock);
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(
                GenericEventMessage.asEventMessage(new Happened("one")));
        assertThatThrownBy(() -> recent.recorder(BROKEN).handle(unitOfWork, () -> {
            throw new IllegalStateException("the projection broke");
        })).isInstanceOf(IllegalStateException.class);
        unitOfWork.rollback();

        clock.advance(RecentHandlerFailures.REMEMBERED.minusSeconds(1));
        assertThat(recent.recent(BROKEN)).map(RecentHandlerFailures.Failure::message)
                .contains("IllegalStateException: the projection broke");
        clock.advance(Duration.ofSeconds(2));
        assertThat(recent.recent(BROKEN)).isEmpty();
    }

    @Test
    void aStoppedProcessorMakesTheHealthDown() {
        axon = configuration(false);
        axon.start();
        EventProcessorsHealthIndicator health = new EventProcessorsHealthIndicator(statuses());
        Awaitility.await().atMost(WAIT).until(() -> health.health().getStatus().equals(Status.UP));

        axon.eventProcessingConfiguration().eventProcessor(HEALTHY).orElseThrow().shutDown();

        Health answer = health.health();
        assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
        assertThat(details(answer, HEALTHY)).containsEntry("running", false);
    }

    @Test
    void deadLettersAreAWarningNotDown() {
        axon = configurationWithDeadLetters();
        axon.start();
        DeadLetterQueueHealthIndicator health = new DeadLetterQueueHealthIndicator(statuses());
        assertThat(health.health().getDetails()).containsEntry(BROKEN, Map.of("letters", 0L, "sequences", 0L))
                .doesNotContainKey("warning");

        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened("one")));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> {
            Health answer = health.health();
            assertThat(answer.getStatus()).isEqualTo(Status.UP);
            assertThat(answer.getDetails()).containsEntry(BROKEN, Map.of("letters", 1L, "sequences", 1L))
                    .containsEntry("warning", "1 dead letters wait for a retry");
        });
    }

    /** Starts the configuration, publishes one event and answers the processors' health indicator. */
    private EventProcessorsHealthIndicator startAndPublishOneEvent() {
        axon.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Happened("one")));
        return new EventProcessorsHealthIndicator(statuses());
    }

    private ProcessorStatuses statuses() {
        // The health indicators never read the token table (only the admin overview does): no database here.
        return new ProcessorStatuses(axon.eventProcessingConfiguration(), new SegmentPositions(axon.eventStore()),
                new TokenOwners(null), failures);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Health health, String group) {
        return (Map<String, Object>) health.getDetails().get(group);
    }

    private static Configuration configuration(boolean withBrokenProjection) {
        return DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> {
                    processing.usingPooledStreamingEventProcessors()
                            .registerEventHandler(config -> new HealthyProjection());
                    if (withBrokenProjection) {
                        processing.registerEventHandler(config -> new BrokenProjection())
                                .registerTrackingEventProcessor(BROKEN)
                                .registerListenerInvocationErrorHandler(BROKEN, config -> PropagatingErrorHandler.instance());
                    }
                })
                .buildConfiguration();
    }

    private static Configuration configurationWithDeadLetters() {
        return DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing.usingPooledStreamingEventProcessors()
                        .registerEventHandler(config -> new BrokenProjection())
                        .registerDeadLetterQueue(BROKEN, config -> InMemorySequencedDeadLetterQueue.defaultQueue()))
                .buildConfiguration();
    }

    record Happened(String name) {
    }

    @ProcessingGroup(HEALTHY)
    static class HealthyProjection {

        @EventHandler
        void on(Happened event) {
            // Handles everything without fail.
        }
    }

    @ProcessingGroup(BROKEN)
    static class BrokenProjection {

        @EventHandler
        void on(Happened event) {
            throw new IllegalStateException("the projection broke on " + event.name());
        }
    }
}
