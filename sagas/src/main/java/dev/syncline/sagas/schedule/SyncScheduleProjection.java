package dev.syncline.sagas.schedule;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncTrigger;
import dev.syncline.sagas.sync.SyncSettings;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When each channel of each account next syncs: at once after a connect or reconnect, then one
 * interval after each sync ends, successful or not. Paused while the account needs re-authorization or
 * is disconnected. Built from events, so the schedule survives restarts and can be rebuilt by replay.
 */
@Component
@ProcessingGroup(SyncScheduleProjection.PROCESSING_GROUP)
public class SyncScheduleProjection {

    public static final String PROCESSING_GROUP = "sync-schedule";

    private final JdbcClient jdbc;
    private final SyncSettings settings;

    public SyncScheduleProjection(JdbcClient jdbc, SyncSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @EventHandler
    void on(AccountConnectedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        for (SyncChannel channel : SyncChannel.values()) {
            jdbc.sql("""
                            INSERT INTO sync_schedule (account_id, channel, workspace_id, owner_id, provider, next_run_at,
                                                       run_trigger, paused)
                            VALUES (:account, :channel, :workspace, :owner, :provider, :at, :trigger, FALSE)
                            ON CONFLICT (account_id, channel) DO UPDATE
                            SET next_run_at = EXCLUDED.next_run_at, run_trigger = EXCLUDED.run_trigger, paused = FALSE""")
                    .param("account", event.accountId())
                    .param("channel", channel.name())
                    .param("workspace", event.workspaceId())
                    .param("owner", event.ownerId())
                    .param("provider", event.provider().name())
                    .param("at", Timestamp.from(at))
                    .param("trigger", SyncTrigger.ACCOUNT_CONNECTED.name())
                    .update();
        }
    }

    @EventHandler
    void on(AccountReconnectedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.sql("UPDATE sync_schedule SET paused = FALSE, next_run_at = :at, run_trigger = :trigger WHERE account_id = :account")
                .param("at", Timestamp.from(at))
                .param("trigger", SyncTrigger.RECONNECTED.name())
                .param("account", event.accountId())
                .update();
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event) {
        pauseAccount(event.accountId());
    }

    /** Kept, paused: a reconnect of the same account resumes its schedule. */
    @EventHandler
    void on(AccountDisconnectedEvent event) {
        pauseAccount(event.accountId());
    }

    @EventHandler
    void on(SyncPausedEvent event) {
        jdbc.sql("UPDATE sync_schedule SET paused = TRUE WHERE account_id = :account AND channel = :channel")
                .param("account", event.accountId())
                .param("channel", event.channel().name())
                .update();
    }

    /** While a sync runs, the next start is one interval away; asking a running channel to start is harmless. */
    @EventHandler
    void on(SyncStartedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        scheduleNext(event.accountId(), event.channel(), at);
    }

    @EventHandler
    void on(SyncCompletedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        scheduleNext(event.accountId(), event.channel(), at);
    }

    @EventHandler
    void on(SyncFailedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        scheduleNext(event.accountId(), event.channel(), at);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM sync_schedule").update();
    }

    private void scheduleNext(String accountId, SyncChannel channel, Instant endedAt) {
        jdbc.sql("""
                        UPDATE sync_schedule SET next_run_at = :next, run_trigger = :trigger
                        WHERE account_id = :account AND channel = :channel""")
                .param("next", Timestamp.from(endedAt.plus(settings.interval())))
                .param("trigger", SyncTrigger.SCHEDULE.name())
                .param("account", accountId)
                .param("channel", channel.name())
                .update();
    }

    private void pauseAccount(String accountId) {
        jdbc.sql("UPDATE sync_schedule SET paused = TRUE WHERE account_id = :account").param("account", accountId).update();
    }
}
