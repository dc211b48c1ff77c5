package dev.syncline.sagas.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.sagas.RecordingCommandGateway;
import dev.syncline.sagas.schedule.ScheduleTestDatabase.Row;
import dev.syncline.sagas.sync.SyncSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Claiming due channels and starting their syncs, on a real PostgreSQL database whose schedule the real
 * projection fills from events; the commands go to a recording gateway.
 */
class ScheduledSyncStarterTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String MAIL = SyncChannel.MAIL.streamIdFor(ACCOUNT);
    private static final String CALENDAR = SyncChannel.CALENDAR.streamIdFor(ACCOUNT);
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final SyncSettings SETTINGS = new SyncSettings(INTERVAL, Duration.ofSeconds(5), Duration.ofMinutes(3), 1);
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant CONNECTED_AT = NOW.minus(Duration.ofMinutes(1));
    private static final String ANY_SYNC_ID = "any";
    /** More channels than one poll claims (100), so that two concurrent polls both have work. */
    private static final int CONCURRENT_ACCOUNTS = 60;
    private static final int CONCURRENT_ROUNDS = 8;
    private static final Duration POLL_DEADLINE = Duration.ofSeconds(30);

    private static ScheduleTestDatabase database;
    private SyncScheduleProjection projection;
    private RecordingCommandGateway commands;

    @BeforeAll
    static void createDatabase() {
        database = new ScheduleTestDatabase("ScheduledSyncStarterTest");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptySchedule() {
        database.clear();
        projection = new SyncScheduleProjection(database.jdbc(), SETTINGS);
        commands = new RecordingCommandGateway();
    }

    @Test
    void dueChannelsAreStartedWithModeAutoAndTheirRowsTrigger() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("proposedSyncId")
                .containsExactlyInAnyOrder(start(SyncChannel.MAIL, SyncTrigger.ACCOUNT_CONNECTED),
                        start(SyncChannel.CALENDAR, SyncTrigger.ACCOUNT_CONNECTED));
        assertThat(commands.commands(StartSyncCommand.class)).allSatisfy(command ->
                assertThat(UUID.fromString(command.proposedSyncId())).isNotNull());
        assertThat(commands.messages()).allSatisfy(message ->
                assertThat(message.getMetaData()).isEqualTo(MetaData.with("actor", "system").and("cause", "sync-schedule")));
    }

    @Test
    void aClaimedChannelIsNotStartedAgainByTheNextPoll() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        starterAt(NOW).startDueSyncs();
        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class)).extracting(StartSyncCommand::channelSyncId)
                .containsExactlyInAnyOrder(MAIL, CALENDAR);
        assertThat(database.row(ACCOUNT, SyncChannel.MAIL.name())).hasValueSatisfying(row -> {
            assertThat(row.nextRunAt()).isEqualTo(NOW.plus(INTERVAL));
            assertThat(row.trigger()).isEqualTo(SyncTrigger.SCHEDULE.name());
        });
    }

    @Test
    void aClaimedChannelIsDueAgainOneIntervalLaterAsAScheduledRun() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        starterAt(NOW).startDueSyncs();
        commands.forget();

        starterAt(NOW.plus(INTERVAL)).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("proposedSyncId")
                .containsExactlyInAnyOrder(start(SyncChannel.MAIL, SyncTrigger.SCHEDULE), start(SyncChannel.CALENDAR, SyncTrigger.SCHEDULE));
    }

    @Test
    void channelsNotYetDueAreLeftAlone() {
        projection.on(connected(ACCOUNT), NOW.plusSeconds(1));

        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands()).isEmpty();
        assertThat(database.row(ACCOUNT, SyncChannel.MAIL.name())).map(Row::nextRunAt).contains(NOW.plusSeconds(1));
    }

    @Test
    void pausedChannelsAreSkipped() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(new SyncPausedEvent(MAIL, ACCOUNT, SyncChannel.MAIL, "sync-4f1d", "Google refused the grant"));

        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class)).extracting(StartSyncCommand::channelSyncId).containsExactly(CALENDAR);
        assertThat(database.row(ACCOUNT, SyncChannel.MAIL.name())).map(Row::nextRunAt).contains(CONNECTED_AT);
    }

    @Test
    void aReconnectedAccountStartsItsChannelsWithTriggerReconnected() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "Google refused the grant"));
        starterAt(NOW).startDueSyncs();
        assertThat(commands.commands()).isEmpty();

        projection.on(new AccountReconnectedEvent(ACCOUNT, "person@example.com", Set.of("email"),
                AccountStatus.REAUTHORIZATION_REQUIRED), NOW);
        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class))
                .usingRecursiveFieldByFieldElementComparatorIgnoringFields("proposedSyncId")
                .containsExactlyInAnyOrder(start(SyncChannel.MAIL, SyncTrigger.RECONNECTED),
                        start(SyncChannel.CALENDAR, SyncTrigger.RECONNECTED));
    }

    @Test
    void aChannelThatCannotStartDoesNotHoldUpTheOthers() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        commands.answering(StartSyncCommand.class, command -> {
            if (command.channel() == SyncChannel.MAIL) {
                throw new IllegalStateException("The command bus is unavailable");
            }
            return command.proposedSyncId();
        });

        starterAt(NOW).startDueSyncs();

        assertThat(commands.commands(StartSyncCommand.class)).extracting(StartSyncCommand::channelSyncId)
                .containsExactlyInAnyOrder(MAIL, CALENDAR);
    }

    @Test
    void twoStartersPollingAtOnceNeverStartTheSameChannelTwice() throws Exception {
        List<String> accounts = IntStream.range(0, CONCURRENT_ACCOUNTS).mapToObj(n -> "acc-concurrent-" + n).toList();
        accounts.forEach(account -> projection.on(connected(account), CONNECTED_AT));
        Set<String> everyChannel = accounts.stream()
                .flatMap(account -> Set.of(SyncChannel.MAIL.streamIdFor(account), SyncChannel.CALENDAR.streamIdFor(account)).stream())
                .collect(Collectors.toSet());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < CONCURRENT_ROUNDS; round++) {
                Instant now = NOW.plus(INTERVAL.multipliedBy(round));
                commands.forget();

                pollAtOnce(nodes, starterAt(now), starterAt(now));
                starterAt(now).startDueSyncs(); // whatever the two left: still nothing twice

                List<String> started = commands.commands(StartSyncCommand.class).stream().map(StartSyncCommand::channelSyncId).toList();
                assertThat(started).as("round %d", round).doesNotHaveDuplicates();
                assertThat(Set.copyOf(started)).as("round %d", round).isEqualTo(everyChannel);
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    private static void pollAtOnce(ExecutorService nodes, ScheduledSyncStarter first, ScheduledSyncStarter second) throws Exception {
        CyclicBarrier together = new CyclicBarrier(2);
        List<Future<?>> polls = List.of(
                nodes.submit(() -> {
                    together.await(POLL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                    first.startDueSyncs();
                    return null;
                }),
                nodes.submit(() -> {
                    together.await(POLL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
                    second.startDueSyncs();
                    return null;
                }));
        for (Future<?> poll : polls) {
            poll.get(POLL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private ScheduledSyncStarter starterAt(Instant now) {
        return new ScheduledSyncStarter(database.jdbc(), database.transactions(), commands, SETTINGS, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static StartSyncCommand start(SyncChannel channel, SyncTrigger trigger) {
        return new StartSyncCommand(channel.streamIdFor(ACCOUNT), ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE, channel, SyncMode.AUTO,
                trigger, ANY_SYNC_ID);
    }

    private static AccountConnectedEvent connected(String accountId) {
        return new AccountConnectedEvent(accountId, WORKSPACE, OWNER, Provider.GOOGLE, "google-user-" + accountId,
                "person@example.com", Set.of("email"));
    }
}
