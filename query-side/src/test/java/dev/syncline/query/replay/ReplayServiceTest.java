package dev.syncline.query.replay;

import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ReplayServiceTest {

    private static final String PROJECTION = "counting-projection";
    private static final String SIDE_EFFECTS = "side-effects";
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(20);

    private final CountingProjection projection = new CountingProjection();
    private Configuration axon;

    @AfterEach
    void shutDown() {
        if (axon != null) {
            axon.shutdown();
        }
    }

    @Test
    void onlyGroupsWhoseEveryHandlerResetsItsModelCanBeReplayed() {
        axon = configuration();
        ReplayService replays = new ReplayService(axon.eventProcessingConfiguration(), new SegmentPositions(axon.eventStore()), Clock.systemUTC(),
                CATCH_UP_TIMEOUT);

        assertThat(replays.replayableGroups()).containsExactly(PROJECTION);
        assertThatThrownBy(() -> replays.start(SIDE_EFFECTS)).isInstanceOf(UnknownProcessingGroupException.class);
        assertThatThrownBy(() -> replays.progress("no-such-group")).isInstanceOf(UnknownProcessingGroupException.class);
    }

    @Test
    void aReplayResetsTheModelAndHandlesEveryEventAgainUntilDone() throws InterruptedException {
        axon = configuration();
        axon.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Counted("a")),
                GenericEventMessage.asEventMessage(new Counted("b")), GenericEventMessage.asEventMessage(new Counted("c")));
        await(() -> projection.seen.size() == 3);
        ReplayService replays = new ReplayService(axon.eventProcessingConfiguration(), new SegmentPositions(axon.eventStore()), Clock.systemUTC(),
                CATCH_UP_TIMEOUT);

        ReplayProgress started = replays.start(PROJECTION);

        assertThat(started.state()).isIn(ReplayState.PREPARING, ReplayState.REPLAYING);
        assertThat(started.requestedAt()).isNotNull();
        await(() -> replays.progress(PROJECTION).state() == ReplayState.DONE);
        ReplayProgress done = replays.progress(PROJECTION);
        assertThat(done.percent()).isEqualTo(100);
        assertThat(done.resetAt()).isNotNull();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.resetAt());
        assertThat(done.headPosition()).isEqualTo(2);
        assertThat(done.segments()).isNotEmpty().allSatisfy(segment -> {
            assertThat(segment.replaying()).isFalse();
            assertThat(segment.percent()).isEqualTo(100);
        });
        assertThat(projection.resets).hasValue(1);
        assertThat(projection.seen).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aReplayedGroupCanBeReplayedAgainThoughNoEventFollowedTheFirstReplay() throws InterruptedException {
        axon = configuration();
        axon.start();
        axon.eventBus().publish(GenericEventMessage.asEventMessage(new Counted("a")));
        await(() -> projection.seen.size() == 1);
        ReplayService replays = new ReplayService(axon.eventProcessingConfiguration(), new SegmentPositions(axon.eventStore()), Clock.systemUTC(),
                CATCH_UP_TIMEOUT);
        replays.start(PROJECTION);
        await(() -> replays.progress(PROJECTION).state() == ReplayState.DONE);

        replays.start(PROJECTION);

        await(() -> replays.progress(PROJECTION).state() == ReplayState.DONE);
        assertThat(projection.resets).hasValue(2);
        assertThat(projection.seen).containsExactly("a");
    }

    @Test
    void aSecondReplayWhileOneIsPreparingIsRefusedAndAProcessorThatNeverRunsIsNotReset() throws InterruptedException {
        axon = configuration();
        ReplayService replays = new ReplayService(axon.eventProcessingConfiguration(), new SegmentPositions(axon.eventStore()), Clock.systemUTC(),
                Duration.ofMillis(500));

        assertThat(replays.start(PROJECTION).state()).isEqualTo(ReplayState.PREPARING);
        assertThatThrownBy(() -> replays.start(PROJECTION))
                .isInstanceOfSatisfying(ReplayAlreadyRunningException.class,
                        running -> assertThat(running.progress().state()).isEqualTo(ReplayState.PREPARING));

        await(() -> replays.progress(PROJECTION).state() == ReplayState.FAILED);
        assertThat(replays.progress(PROJECTION).error())
                .contains("did not run with all its segments and catch up")
                .contains("nothing was reset");
        assertThat(projection.resets).hasValue(0);
    }

    private Configuration configuration() {
        return DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> new InMemoryEventStorageEngine())
                .eventProcessing(processing -> processing
                        .usingPooledStreamingEventProcessors()
                        .registerEventHandler(config -> projection)
                        .registerEventHandler(config -> new SideEffects()))
                .buildConfiguration();
    }

    private static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(condition);
    }

    record Counted(String name) {
    }

    @ProcessingGroup(PROJECTION)
    static class CountingProjection {

        final List<String> seen = new CopyOnWriteArrayList<>();
        final AtomicInteger resets = new AtomicInteger();

        @EventHandler
        void on(Counted event) {
            seen.add(event.name());
        }

        @ResetHandler
        void reset() {
            resets.incrementAndGet();
            seen.clear();
        }
    }

    @ProcessingGroup(SIDE_EFFECTS)
    static class SideEffects {

        @EventHandler
        void on(Counted event) {
            // A handler without a reset handler: replaying it would repeat what it did.
        }
    }
}
