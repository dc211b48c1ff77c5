package dev.syncline.sagas.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.sagas.schedule.ScheduleTestDatabase.Row;
import dev.syncline.sagas.sync.SyncSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When each channel next syncs, as the projection keeps it from events, on a real PostgreSQL database. */
class SyncScheduleProjectionTest {

    private static final String WORKSPACE = "8f0b7a39-4a3f-4bde-9d0e-3f1c5f1d2a10";
    private static final String OWNER = "0d4e8c42-6c55-4f73-a1e5-f35d2a6b9c01";
    private static final String ACCOUNT = "acc-3c9e5d1a";
    private static final String OTHER_ACCOUNT = "acc-91d0b7c2";
    private static final String MAIL = SyncChannel.MAIL.name();
    private static final String CALENDAR = SyncChannel.CALENDAR.name();
    private static final String SYNC = "sync-4f1d";
    private static final Duration INTERVAL = Duration.ofMinutes(5);
    private static final SyncSettings SETTINGS = new SyncSettings(INTERVAL, Duration.ofSeconds(5), Duration.ofMinutes(3), 1);
    private static final Instant CONNECTED_AT = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant LATER = CONNECTED_AT.plus(Duration.ofMinutes(42));

    private static ScheduleTestDatabase database;
    private SyncScheduleProjection projection;

    @BeforeAll
    static void createDatabase() {
        database = new ScheduleTestDatabase("SyncScheduleProjectionTest");
    }

    @AfterAll
    static void dropDatabase() {
        database.close();
    }

    @BeforeEach
    void emptySchedule() {
        database.clear();
        projection = new SyncScheduleProjection(database.jdbc(), SETTINGS);
    }

    @Test
    void connectingSchedulesBothChannelsNowForTheInitialSync() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        assertThat(database.row(ACCOUNT, MAIL)).contains(new Row(ACCOUNT, MAIL, WORKSPACE, OWNER, "GOOGLE", CONNECTED_AT,
                SyncTrigger.ACCOUNT_CONNECTED.name(), false));
        assertThat(database.row(ACCOUNT, CALENDAR)).contains(new Row(ACCOUNT, CALENDAR, WORKSPACE, OWNER, "GOOGLE", CONNECTED_AT,
                SyncTrigger.ACCOUNT_CONNECTED.name(), false));
    }

    @Test
    void aReplayedConnectLeavesOneRowPerChannel() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        assertThat(database.rows()).isEqualTo(2);
    }

    @Test
    void aCompletedSyncSchedulesTheChannelsNextSyncOneIntervalLater() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        projection.on(new SyncCompletedEvent(SyncChannel.MAIL.streamIdFor(ACCOUNT), ACCOUNT, SyncChannel.MAIL, SYNC, SyncKind.FULL,
                3, 120, "history:4711"), LATER);

        assertThat(database.row(ACCOUNT, MAIL)).hasValueSatisfying(row -> {
            assertThat(row.nextRunAt()).isEqualTo(LATER.plus(INTERVAL));
            assertThat(row.trigger()).isEqualTo(SyncTrigger.SCHEDULE.name());
        });
        assertThat(database.row(ACCOUNT, CALENDAR)).map(Row::nextRunAt).contains(CONNECTED_AT);
    }

    @Test
    void aFailedSyncSchedulesTheChannelsNextSyncOneIntervalLater() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        projection.on(new SyncFailedEvent(SyncChannel.CALENDAR.streamIdFor(ACCOUNT), ACCOUNT, SyncChannel.CALENDAR, SYNC,
                "Google Calendar answered 503", 6), LATER);

        assertThat(database.row(ACCOUNT, CALENDAR)).hasValueSatisfying(row -> {
            assertThat(row.nextRunAt()).isEqualTo(LATER.plus(INTERVAL));
            assertThat(row.trigger()).isEqualTo(SyncTrigger.SCHEDULE.name());
        });
        assertThat(database.row(ACCOUNT, MAIL)).map(Row::nextRunAt).contains(CONNECTED_AT);
    }

    @Test
    void aStartedSyncPushesTheChannelsNextRunOneIntervalAhead() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        projection.on(new SyncStartedEvent(SyncChannel.MAIL.streamIdFor(ACCOUNT), ACCOUNT, WORKSPACE, OWNER, Provider.GOOGLE,
                SyncChannel.MAIL, SYNC, SyncKind.FULL, SyncTrigger.USER_REQUEST, null), LATER);

        assertThat(database.row(ACCOUNT, MAIL)).map(Row::nextRunAt).contains(LATER.plus(INTERVAL));
    }

    @Test
    void reauthorizationRequiredPausesBothChannelsOfTheAccountOnly() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(connected(OTHER_ACCOUNT), CONNECTED_AT);

        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "Google refused the grant (invalid_grant)"));

        assertThat(database.row(ACCOUNT, MAIL)).map(Row::paused).contains(true);
        assertThat(database.row(ACCOUNT, CALENDAR)).map(Row::paused).contains(true);
        assertThat(database.row(OTHER_ACCOUNT, MAIL)).map(Row::paused).contains(false);
    }

    @Test
    void aPausedSyncPausesItsChannelOnly() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        projection.on(new SyncPausedEvent(SyncChannel.MAIL.streamIdFor(ACCOUNT), ACCOUNT, SyncChannel.MAIL, SYNC,
                "Google refused the grant (invalid_grant)"));

        assertThat(database.row(ACCOUNT, MAIL)).map(Row::paused).contains(true);
        assertThat(database.row(ACCOUNT, CALENDAR)).map(Row::paused).contains(false);
    }

    @Test
    void disconnectingPausesBothChannelsAndKeepsThem() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);

        projection.on(new AccountDisconnectedEvent(ACCOUNT, WORKSPACE));

        assertThat(database.row(ACCOUNT, MAIL)).map(Row::paused).contains(true);
        assertThat(database.row(ACCOUNT, CALENDAR)).map(Row::paused).contains(true);
    }

    @Test
    void reconnectingUnpausesBothChannelsAndSchedulesThemNow() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(new ReauthorizationRequiredEvent(ACCOUNT, "Google refused the grant (invalid_grant)"));

        projection.on(new AccountReconnectedEvent(ACCOUNT, "person@example.com", Set.of("email"),
                AccountStatus.REAUTHORIZATION_REQUIRED), LATER);

        for (String channel : new String[] {MAIL, CALENDAR}) {
            assertThat(database.row(ACCOUNT, channel)).hasValueSatisfying(row -> {
                assertThat(row.paused()).isFalse();
                assertThat(row.nextRunAt()).isEqualTo(LATER);
                assertThat(row.trigger()).isEqualTo(SyncTrigger.RECONNECTED.name());
            });
        }
    }

    @Test
    void aResetClearsTheScheduleForAReplay() {
        projection.on(connected(ACCOUNT), CONNECTED_AT);
        projection.on(connected(OTHER_ACCOUNT), CONNECTED_AT);

        projection.reset();

        assertThat(database.rows()).isZero();
    }

    private static AccountConnectedEvent connected(String accountId) {
        return new AccountConnectedEvent(accountId, WORKSPACE, OWNER, Provider.GOOGLE, "google-user-" + accountId,
                "person@example.com", Set.of("email"));
    }
}
