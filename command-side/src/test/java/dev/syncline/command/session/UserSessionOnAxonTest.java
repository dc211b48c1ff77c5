package dev.syncline.command.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.messages.session.LoginMethod;
import dev.syncline.messages.session.RefreshSessionCommand;
import dev.syncline.messages.session.RefreshTokenReuseDetectedEvent;
import dev.syncline.messages.session.SessionRefreshOutcome;
import dev.syncline.messages.session.SessionRefreshResult;
import dev.syncline.messages.session.SessionRefreshedEvent;
import dev.syncline.messages.session.SessionRevokedEvent;
import dev.syncline.messages.session.SessionStartedEvent;
import dev.syncline.messages.session.StartSessionCommand;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link UserSession} on a real Axon configuration (command bus, event-sourcing repository with its aggregate
 * lock, snapshotter), where the fixture cannot go: parallel refreshes of one token, a refresh of a session that
 * does not exist, and a long session loaded from its snapshot.
 */
class UserSessionOnAxonTest {

    private static final String SESSION = "3b8f0d6e-5a41-4c2e-9f7d-1e6a2b9c4d01";
    private static final String USER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String CLIENT = "app/1.0";
    private static final int PARALLEL_REFRESHES = 50;
    private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private Configuration axon;

    @BeforeEach
    void startAxon() {
        Clock clock = new SettableClock(T0.plus(Duration.ofHours(1)));
        axon = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> JacksonSerializer.builder().objectMapper(new ObjectMapper().findAndRegisterModules()).build())
                .configureEmbeddedEventStore(c -> storage)
                .configureAggregate(AggregateConfigurer.defaultConfiguration(UserSession.class)
                        .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(c.snapshotter(),
                                UserSessionSnapshots.EVENTS_BETWEEN_SNAPSHOTS)))
                .registerComponent(Clock.class, c -> clock)
                .start();
        axon.commandGateway().sendAndWait(new StartSessionCommand(SESSION, USER, WORKSPACE, LoginMethod.PASSWORD, CLIENT,
                hash(0), Duration.ofDays(7), Duration.ofDays(30)));
    }

    @AfterEach
    void stopAxon() {
        axon.shutdown();
    }

    @Test
    void fiftyParallelRefreshesWithOneTokenYieldOneSuccessorAndRevokeTheFamily() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService callers = Executors.newFixedThreadPool(PARALLEL_REFRESHES);
        try {
            List<Future<SessionRefreshResult>> running = IntStream.rangeClosed(1, PARALLEL_REFRESHES)
                    .mapToObj(successor -> callers.submit(() -> {
                        go.await();
                        return refresh(hash(0), hash(successor));
                    }))
                    .toList();
            go.countDown();

            Map<SessionRefreshOutcome, Long> outcomes = running.stream()
                    .map(UserSessionOnAxonTest::join)
                    .collect(Collectors.groupingBy(SessionRefreshResult::outcome, Collectors.counting()));

            assertThat(outcomes).containsOnly(Map.entry(SessionRefreshOutcome.REFRESHED, 1L),
                    Map.entry(SessionRefreshOutcome.REUSE_DETECTED, 1L),
                    Map.entry(SessionRefreshOutcome.REVOKED, (long) PARALLEL_REFRESHES - 2));
            assertThat(storedEventTypes()).containsExactly(SessionStartedEvent.class, SessionRefreshedEvent.class,
                    RefreshTokenReuseDetectedEvent.class, SessionRevokedEvent.class);
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aRefreshOfASessionThatDoesNotExistAnswersUnknownTokenAndStoresNothing() {
        String stranger = "9c1e4b7a-0000-4000-8000-00000000dead";

        SessionRefreshResult answer = axon.commandGateway().sendAndWait(
                new RefreshSessionCommand(stranger, hash(0), hash(1), CLIENT));

        assertThat(answer).isEqualTo(new SessionRefreshResult(SessionRefreshOutcome.UNKNOWN_TOKEN, null, null));
        assertThat(storage.readEvents(stranger, 0).asStream()).isEmpty();
    }

    @Test
    void aLongSessionIsSnapshottedAndStillRecognisesAnEarlyTokenAfterwards() {
        int rotations = 2 * UserSessionSnapshots.EVENTS_BETWEEN_SNAPSHOTS + 10;
        for (int generation = 1; generation <= rotations; generation++) {
            assertThat(refresh(hash(generation - 1), hash(generation)).outcome()).isEqualTo(SessionRefreshOutcome.REFRESHED);
        }

        assertThat(storage.readSnapshot(SESSION)).isPresent();
        assertThat(refresh(hash(3), hash(rotations + 1)).outcome()).isEqualTo(SessionRefreshOutcome.REUSE_DETECTED);
    }

    private SessionRefreshResult refresh(String presented, String successor) {
        return axon.commandGateway().sendAndWait(new RefreshSessionCommand(SESSION, presented, successor, CLIENT));
    }

    private List<Class<?>> storedEventTypes() {
        return storage.readEvents(SESSION, 0).asStream().<Class<?>>map(EventMessage::getPayloadType).toList();
    }

    private static SessionRefreshResult join(Future<SessionRefreshResult> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new AssertionError("A refresh failed instead of answering", e);
        }
    }

    private static String hash(int generation) {
        return "%064x".formatted(generation + 0x5E551L);
    }
}
