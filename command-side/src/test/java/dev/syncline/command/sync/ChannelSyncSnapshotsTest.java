package dev.syncline.command.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.RecordSyncFailureCommand;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncTrigger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/**
 * A channel's stream is snapshotted ({@link ChannelSyncSnapshots}), and snapshots are written with the event
 * serializer: Jackson, configured as the application's Axon starter configures it. The channel's state must
 * survive that round trip, and a channel restored from it must carry on as the original would.
 */
class ChannelSyncSnapshotsTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String FIRST_SYNC = "sync-4f1d";
    private static final String SYNC = "sync-8a2b";
    private static final String NEXT_SYNC = "sync-c310";
    private static final String CURSOR = "history:4711";
    private static final String PAGE_2 = "page-token-2";
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final SyncRetrySettings RETRY = new SyncRetrySettings(3, Duration.ofSeconds(2), Duration.ofMinutes(5));

    /** What Axon's Spring Boot starter builds for {@code axon.serializer.events: jackson} (its defaultAxonObjectMapper). */
    private static final Serializer SNAPSHOT_SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper().findAndRegisterModules())
            .build();

    @Test
    void aChannelInTheMiddleOfAPausedSyncSurvivesTheSnapshotSerializer() {
        ChannelSync original = pausedMidSync();

        ChannelSync restored = roundTrip(original);

        assertThat(restored).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void aRestoredPausedChannelResumesAtItsCommittedPosition() {
        ChannelSync restored = roundTrip(pausedMidSync());

        fixture().givenState(() -> restored)
                .when(start(SyncTrigger.RECONNECTED))
                .expectResultMessagePayload(SYNC)
                .expectEvents(new SyncResumedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SYNC,
                        SyncKind.INCREMENTAL, SyncTrigger.RECONNECTED, PAGE_2, 2));
    }

    @Test
    void aRestoredChannelKeepsCountingItsFailedAttempts() {
        ChannelSync restored = roundTrip(builtFrom(
                ChannelSyncTest.started(SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                ChannelSyncTest.pageFailed(SYNC, 1), ChannelSyncTest.pageFailed(SYNC, 2)));

        fixture().givenState(() -> restored)
                .when(new RecordSyncFailureCommand(MAIL, SYNC, "Gmail answered 503", false))
                .expectEvents(new SyncFailedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, SYNC, "Gmail answered 503", 3));
    }

    @Test
    void aRestoredIdleChannelSyncsIncrementallyFromItsCursor() {
        ChannelSync restored = roundTrip(builtFrom(
                ChannelSyncTest.started(FIRST_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FIRST_SYNC, SyncKind.FULL, 1, 2, CURSOR)));

        fixture().givenState(() -> restored)
                .when(new StartSyncCommand(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SyncMode.AUTO,
                        SyncTrigger.SCHEDULE, NEXT_SYNC))
                .expectResultMessagePayload(NEXT_SYNC)
                .expectEvents(new SyncStartedEvent(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, NEXT_SYNC,
                        SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR));
    }

    private static ChannelSync pausedMidSync() {
        return builtFrom(
                ChannelSyncTest.started(FIRST_SYNC, SyncKind.FULL, SyncTrigger.ACCOUNT_CONNECTED, null),
                new SyncCompletedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, FIRST_SYNC, SyncKind.FULL, 1, 2, CURSOR),
                ChannelSyncTest.started(SYNC, SyncKind.INCREMENTAL, SyncTrigger.SCHEDULE, CURSOR),
                ChannelSyncTest.fetched(SYNC, 1, PAGE_2, 2),
                ChannelSyncTest.pageFailed(SYNC, 1),
                ChannelSyncTest.paused(SYNC));
    }

    /** The aggregate as the repository sources it from its events. */
    private static ChannelSync builtFrom(Object... events) {
        AtomicReference<ChannelSync> built = new AtomicReference<>();
        new AggregateTestFixture<>(ChannelSync.class).given(events).whenInvoking(MAIL, built::set);
        return built.get();
    }

    /** What the snapshotter stores and the repository reads back. */
    private static ChannelSync roundTrip(ChannelSync aggregate) {
        SerializedObject<byte[]> snapshot = SNAPSHOT_SERIALIZER.serialize(aggregate, byte[].class);
        assertThat(snapshot.getType().getName()).isEqualTo(ChannelSync.class.getName());
        return SNAPSHOT_SERIALIZER.deserialize(snapshot);
    }

    private static StartSyncCommand start(SyncTrigger trigger) {
        return new StartSyncCommand(MAIL, ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, SyncChannel.MAIL, SyncMode.AUTO, trigger,
                NEXT_SYNC);
    }

    private static AggregateTestFixture<ChannelSync> fixture() {
        AggregateTestFixture<ChannelSync> fixture = new AggregateTestFixture<>(ChannelSync.class);
        fixture.registerInjectableResource(new SyncRetryPolicy(RETRY));
        fixture.registerInjectableResource(Clock.fixed(NOW, ZoneOffset.UTC));
        return fixture;
    }
}
