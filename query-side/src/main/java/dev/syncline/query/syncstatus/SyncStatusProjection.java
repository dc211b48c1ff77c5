package dev.syncline.query.syncstatus;

import static dev.syncline.query.syncstatus.SyncStatusRows.STATUS_COLUMNS;
import static dev.syncline.query.syncstatus.SyncStatusRows.utc;

import dev.syncline.messages.account.AccountConnectedEvent;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.AccountReconnectedEvent;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncRunState;
import dev.syncline.messages.sync.SyncStage;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.query.syncstatus.SyncStatusRows.OwnedStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code sync_status} (one row per account and channel, as its owner sees it) and {@code sync_run} (one
 * row per sync), and tells subscribers of {@link FindAccountSyncStatusQuery} about every channel that changed.
 * A disconnect deletes both; {@code sync_status_account} remembers whose the account is, so that connecting it
 * again brings its channels back.
 *
 * <p>The processing group is sequenced per account ({@link dev.syncline.query.sequencing.AccountSequencingPolicy}), so the account's own
 * events and its channels' sync events arrive in the order of the event store. Every write is guarded by the
 * global position of the last event applied to the row, so a duplicate, a redelivery or a replay leaves the
 * rows as they are. Times come from the events, so a replay rebuilds the same rows.
 */
@Component
@ProcessingGroup(SyncStatusProjection.PROCESSING_GROUP)
public class SyncStatusProjection {

    /** The processing group, and so the event processor, that runs this projection. */
    public static final String PROCESSING_GROUP = "sync-status";

    private final JdbcClient jdbc;
    private final QueryUpdateEmitter updates;
    private final Duration interval;

    /**
     * @param interval how long after a finished sync the next incremental one runs ({@code syncline.sync.interval}),
     *                 which the owner sees as the next run
     */
    public SyncStatusProjection(DataSource dataSource, QueryUpdateEmitter updates,
                                @Value("${syncline.sync.interval:5m}") Duration interval) {
        this.jdbc = JdbcClient.create(dataSource);
        this.updates = updates;
        this.interval = interval;
    }

    @EventHandler
    void on(AccountConnectedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        int applied = jdbc.sql("""
                        INSERT INTO sync_status_account (account_id, workspace_id, owner_id, provider, last_position)
                        VALUES (:accountId, :workspaceId, :ownerId, :provider, :position)
                        ON CONFLICT (account_id) DO UPDATE SET
                            workspace_id = EXCLUDED.workspace_id, owner_id = EXCLUDED.owner_id,
                            provider = EXCLUDED.provider, last_position = EXCLUDED.last_position
                        WHERE sync_status_account.last_position < EXCLUDED.last_position
                        """)
                .param("accountId", event.accountId())
                .param("workspaceId", event.workspaceId())
                .param("ownerId", event.ownerId())
                .param("provider", event.provider().name())
                .param("position", position(token))
                .update();
        if (applied > 0) {
            publish(pendingChannels(event.accountId(), position(token), occurredAt));
        }
    }

    @EventHandler
    void on(SyncStartedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        // The run belongs to whoever owns the account's status row: none after a disconnect, so none comes back.
        jdbc.sql("""
                        INSERT INTO sync_run (sync_id, account_id, channel, workspace_id, owner_id, kind, trigger, state,
                                              started_at, updated_at, last_position)
                        SELECT :syncId, account_id, channel, workspace_id, owner_id, :kind, :trigger, 'RUNNING',
                               :at, :at, :position
                          FROM sync_status
                         WHERE account_id = :accountId AND channel = :channel
                        ON CONFLICT (sync_id) DO NOTHING
                        """)
                .param("syncId", event.syncId())
                .param("kind", event.kind().name())
                .param("trigger", event.trigger().name())
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .update();
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = :stage, sync_id = :syncId, sync_kind = :kind, sync_trigger = :trigger,
                               items_done = 0, estimated_total = NULL, pages = 0, upserted = 0, removed = 0,
                               started_at = :at, finished_at = NULL, next_run_at = NULL, throttled_until = NULL,
                               updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("stage", runningStage(event.kind()).name())
                .param("syncId", event.syncId())
                .param("kind", event.kind().name())
                .param("trigger", event.trigger().name())
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(SyncResumedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                        INSERT INTO sync_run (sync_id, account_id, channel, workspace_id, owner_id, kind, trigger, state,
                                              items_done, started_at, updated_at, last_position)
                        SELECT :syncId, account_id, channel, workspace_id, owner_id, :kind, :trigger, 'RUNNING',
                               :itemsDone, :at, :at, :position
                          FROM sync_status
                         WHERE account_id = :accountId AND channel = :channel
                        ON CONFLICT (sync_id) DO UPDATE SET
                            state = EXCLUDED.state, items_done = EXCLUDED.items_done, finished_at = NULL,
                            updated_at = EXCLUDED.updated_at, last_position = EXCLUDED.last_position
                        WHERE sync_run.last_position < EXCLUDED.last_position
                        """)
                .param("syncId", event.syncId())
                .param("kind", event.kind().name())
                .param("trigger", event.trigger().name())
                .param("itemsDone", event.itemsDone())
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .update();
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = :stage, sync_id = :syncId, sync_kind = :kind, sync_trigger = :trigger,
                               items_done = :itemsDone, finished_at = NULL, next_run_at = NULL, throttled_until = NULL,
                               updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("stage", runningStage(event.kind()).name())
                .param("syncId", event.syncId())
                .param("kind", event.kind().name())
                .param("trigger", event.trigger().name())
                .param("itemsDone", event.itemsDone())
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(MessagesFetchedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        pageFetched(new Page(event.accountId(), SyncChannel.MAIL, event.syncId(), event.upsertedCount(), event.removedCount(),
                event.itemsDone(), event.estimatedTotal()), position(token), occurredAt);
    }

    @EventHandler
    void on(CalendarItemsFetchedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        pageFetched(new Page(event.accountId(), SyncChannel.CALENDAR, event.syncId(), event.upsertedCount(),
                event.removedCount(), event.itemsDone(), event.estimatedTotal()), position(token), occurredAt);
    }

    @EventHandler
    void on(SyncThrottledEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        updateRun(event.syncId(), "state = 'THROTTLED'", null, position(token), occurredAt);
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = CASE WHEN action_required THEN stage ELSE 'THROTTLED' END,
                               throttled_until = :retryAt, next_run_at = :retryAt,
                               updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("retryAt", utc(event.retryAt()))
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .param("syncId", event.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(SyncPageFailedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        String lastError = SyncWords.pageFailed(event.attempt(), event.reason(), event.retryAt());
        updateRun(event.syncId(), "state = 'RUNNING', last_error = :lastError", lastError, position(token), occurredAt);
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET next_run_at = :retryAt, last_error = :lastError, updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("retryAt", utc(event.retryAt()))
                .param("lastError", lastError)
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .param("syncId", event.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(SyncCursorExpiredEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        // The channel's status changes with the full resync that follows; this run ends here.
        updateRun(event.syncId(), "state = 'RESTARTED', finished_at = :at, last_error = :lastError",
                SyncWords.cursorExpired(event.reason()), position(token), occurredAt);
    }

    @EventHandler
    void on(SyncPausedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        updateRun(event.syncId(), "state = 'PAUSED'", null, position(token), occurredAt);
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = 'PAUSED', action_required = TRUE, last_error = :lastError,
                               next_run_at = NULL, throttled_until = NULL, updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("lastError", SyncWords.paused(event.reason()))
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .param("syncId", event.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(SyncCompletedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        jdbc.sql("""
                        UPDATE sync_run
                           SET state = 'COMPLETED', pages = :pages, items_done = :itemsDone, finished_at = :at,
                               updated_at = :at, last_position = :position
                         WHERE sync_id = :syncId AND last_position < :position
                        """)
                .param("pages", event.pages())
                .param("itemsDone", event.itemsDone())
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("syncId", event.syncId())
                .update();
        // A grant refused while the last page was on its way still needs the owner: the channel stays paused.
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = CASE WHEN action_required THEN 'PAUSED' ELSE 'IDLE' END,
                               pages = :pages, items_done = :itemsDone, finished_at = :at, last_success_at = :at,
                               next_run_at = CASE WHEN action_required THEN NULL ELSE :nextRun END,
                               throttled_until = NULL,
                               last_error = CASE WHEN action_required THEN last_error END,
                               updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("pages", event.pages())
                .param("itemsDone", event.itemsDone())
                .param("at", utc(occurredAt))
                .param("nextRun", utc(occurredAt.plus(interval)))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .param("syncId", event.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(SyncFailedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        String lastError = SyncWords.failed(event.attempts(), event.reason());
        updateRun(event.syncId(), "state = 'FAILED', finished_at = :at, last_error = :lastError", lastError,
                position(token), occurredAt);
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = CASE WHEN action_required THEN 'PAUSED' ELSE 'FAILED' END,
                               finished_at = :at,
                               next_run_at = CASE WHEN action_required THEN NULL ELSE :nextRun END,
                               throttled_until = NULL, last_error = :lastError,
                               updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("at", utc(occurredAt))
                .param("nextRun", utc(occurredAt.plus(interval)))
                .param("lastError", lastError)
                .param("position", position(token))
                .param("accountId", event.accountId())
                .param("channel", event.channel().name())
                .param("syncId", event.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(ReauthorizationRequiredEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        Optional<Provider> provider = jdbc.sql("SELECT provider FROM sync_status_account WHERE account_id = :accountId")
                .param("accountId", event.accountId())
                .query(String.class)
                .optional()
                .map(Provider::valueOf);
        if (provider.isEmpty()) {
            return;
        }
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = 'PAUSED', action_required = TRUE, last_error = :lastError,
                               next_run_at = NULL, throttled_until = NULL, updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("lastError", SyncWords.reauthorizationRequired(provider.get(), event.reason()))
                .param("at", utc(occurredAt))
                .param("position", position(token))
                .param("accountId", event.accountId())
                .query(SyncStatusRows::status)
                .list());
    }

    @EventHandler
    void on(AccountReconnectedEvent event, TrackingToken token, @Timestamp Instant occurredAt) {
        if (!accountEventApplied(event.accountId(), position(token))) {
            return;
        }
        List<Resumable> channels = jdbc.sql("""
                        SELECT s.channel, s.stage, s.sync_kind, s.finished_at, r.state AS run_state
                          FROM sync_status s
                          LEFT JOIN sync_run r ON r.sync_id = s.sync_id
                         WHERE s.account_id = :accountId AND s.last_position < :position
                        """)
                .param("accountId", event.accountId())
                .param("position", position(token))
                .query((rs, row) -> new Resumable(
                        SyncChannel.valueOf(rs.getString("channel")),
                        SyncStage.valueOf(rs.getString("stage")),
                        rs.getString("sync_kind") == null ? null : SyncKind.valueOf(rs.getString("sync_kind")),
                        rs.getObject("finished_at", OffsetDateTime.class),
                        rs.getString("run_state") == null ? null : SyncRunState.valueOf(rs.getString("run_state"))))
                .list();
        List<OwnedStatus> changed = new ArrayList<>();
        for (Resumable channel : channels) {
            SyncStage stage = channel.stageAfterReconnect();
            changed.addAll(jdbc.sql("""
                            UPDATE sync_status
                               SET stage = :stage, action_required = FALSE,
                                   next_run_at = CASE WHEN :wasPaused THEN :nextRun ELSE next_run_at END,
                                   updated_at = :at, last_position = :position
                             WHERE account_id = :accountId AND channel = :channel AND last_position < :position
                            RETURNING\s""" + STATUS_COLUMNS)
                    .param("stage", stage.name())
                    .param("wasPaused", channel.stage() == SyncStage.PAUSED)
                    .param("nextRun", utc(channel.nextRunAfterReconnect(stage, occurredAt, interval)))
                    .param("at", utc(occurredAt))
                    .param("position", position(token))
                    .param("accountId", event.accountId())
                    .param("channel", channel.channel().name())
                    .query(SyncStatusRows::status)
                    .list());
        }
        // An account connected again after a disconnect has no channels left: they start again, pending.
        changed.addAll(pendingChannels(event.accountId(), position(token), occurredAt));
        publish(changed);
    }

    @EventHandler
    void on(AccountDisconnectedEvent event, TrackingToken token) {
        if (!accountEventApplied(event.accountId(), position(token))) {
            return;
        }
        jdbc.sql("DELETE FROM sync_run WHERE account_id = :accountId")
                .param("accountId", event.accountId())
                .update();
        jdbc.sql("DELETE FROM sync_status WHERE account_id = :accountId")
                .param("accountId", event.accountId())
                .update();
        updates.complete(FindAccountSyncStatusQuery.class, query -> query.accountId().equals(event.accountId()));
    }

    @ResetHandler
    void reset() {
        jdbc.sql("DELETE FROM sync_run").update();
        jdbc.sql("DELETE FROM sync_status").update();
        jdbc.sql("DELETE FROM sync_status_account").update();
    }

    /** Records an account event on the account's row; false for an unknown account and for an event applied before. */
    private boolean accountEventApplied(String accountId, long position) {
        return jdbc.sql("""
                        UPDATE sync_status_account SET last_position = :position
                         WHERE account_id = :accountId AND last_position < :position
                        """)
                .param("accountId", accountId)
                .param("position", position)
                .update() > 0;
    }

    /** Adds the account's channels that it does not have, as pending. */
    private List<OwnedStatus> pendingChannels(String accountId, long position, Instant occurredAt) {
        List<OwnedStatus> added = new ArrayList<>();
        for (SyncChannel channel : SyncChannel.values()) {
            added.addAll(jdbc.sql("""
                            INSERT INTO sync_status (account_id, channel, workspace_id, owner_id, provider, stage,
                                                     updated_at, last_position)
                            SELECT account_id, :channel, workspace_id, owner_id, provider, 'PENDING', :at, :position
                              FROM sync_status_account
                             WHERE account_id = :accountId
                            ON CONFLICT (account_id, channel) DO NOTHING
                            RETURNING\s""" + STATUS_COLUMNS)
                    .param("channel", channel.name())
                    .param("at", utc(occurredAt))
                    .param("position", position)
                    .param("accountId", accountId)
                    .query(SyncStatusRows::status)
                    .list());
        }
        return added;
    }

    private void pageFetched(Page page, long position, Instant occurredAt) {
        jdbc.sql("""
                        UPDATE sync_run
                           SET state = 'RUNNING', pages = pages + 1, items_done = :itemsDone,
                               upserted = upserted + :upserted, removed = removed + :removed,
                               estimated_total = COALESCE(:estimatedTotal, estimated_total),
                               updated_at = :at, last_position = :position
                         WHERE sync_id = :syncId AND last_position < :position
                        """)
                .param("itemsDone", page.itemsDone())
                .param("upserted", page.upserted())
                .param("removed", page.removed())
                .param("estimatedTotal", page.estimatedTotal())
                .param("at", utc(occurredAt))
                .param("position", position)
                .param("syncId", page.syncId())
                .update();
        publish(jdbc.sql("""
                        UPDATE sync_status
                           SET stage = CASE WHEN action_required THEN stage
                                            WHEN sync_kind = 'FULL' THEN 'FULL_SYNC' ELSE 'INCREMENTAL' END,
                               pages = pages + 1, items_done = :itemsDone,
                               upserted = upserted + :upserted, removed = removed + :removed,
                               estimated_total = COALESCE(:estimatedTotal, estimated_total),
                               throttled_until = NULL, next_run_at = NULL, updated_at = :at, last_position = :position
                         WHERE account_id = :accountId AND channel = :channel AND sync_id = :syncId
                           AND last_position < :position
                        RETURNING\s""" + STATUS_COLUMNS)
                .param("itemsDone", page.itemsDone())
                .param("upserted", page.upserted())
                .param("removed", page.removed())
                .param("estimatedTotal", page.estimatedTotal())
                .param("at", utc(occurredAt))
                .param("position", position)
                .param("accountId", page.accountId())
                .param("channel", page.channel().name())
                .param("syncId", page.syncId())
                .query(SyncStatusRows::status)
                .list());
    }

    /** Sets {@code assignments} (which may use {@code :at} and {@code :lastError}) on the run, once per event. */
    private void updateRun(String syncId, String assignments, String lastError, long position, Instant occurredAt) {
        jdbc.sql("UPDATE sync_run SET " + assignments + """
                        , updated_at = :at, last_position = :position
                         WHERE sync_id = :syncId AND last_position < :position
                        """)
                .param("lastError", lastError)
                .param("at", utc(occurredAt))
                .param("position", position)
                .param("syncId", syncId)
                .update();
    }

    /** Emits each changed channel to the subscribers of its account that may see it; the emitter waits for the commit. */
    private void publish(List<OwnedStatus> changed) {
        for (OwnedStatus status : changed) {
            updates.emit(FindAccountSyncStatusQuery.class,
                    query -> status.visibleTo(query.accountId(), query.workspaceId(), query.ownerId()),
                    status.view());
        }
    }

    private static SyncStage runningStage(SyncKind kind) {
        return kind == SyncKind.FULL ? SyncStage.FULL_SYNC : SyncStage.INCREMENTAL;
    }

    private static long position(TrackingToken token) {
        return token.position().orElseThrow(() -> new IllegalStateException("Tracking token without a position: " + token));
    }

    /** The plain facts of a page of mail or calendar items; its content stays sealed and unread. */
    private record Page(String accountId, SyncChannel channel, String syncId, int upserted, int removed, long itemsDone,
                        Long estimatedTotal) {
    }

    /** A channel as a reconnect finds it: what it showed, and how its current or last run stands. */
    private record Resumable(SyncChannel channel, SyncStage stage, SyncKind kind, OffsetDateTime finishedAt,
                             SyncRunState runState) {

        /** A paused channel shows again what its sync does: it resumes, or it waits for the next run. */
        SyncStage stageAfterReconnect() {
            if (stage != SyncStage.PAUSED) {
                return stage;
            }
            if (runState == null) {
                return SyncStage.PENDING;
            }
            return switch (runState) {
                case COMPLETED -> SyncStage.IDLE;
                case FAILED -> SyncStage.FAILED;
                case RUNNING, THROTTLED, PAUSED, RESTARTED -> runningStage(kind);
            };
        }

        /** A waiting channel runs at its usual time, or now when that has passed; a running one has no next run. */
        Instant nextRunAfterReconnect(SyncStage after, Instant reconnectedAt, Duration interval) {
            if ((after == SyncStage.IDLE || after == SyncStage.FAILED) && finishedAt != null) {
                Instant usual = finishedAt.toInstant().plus(interval);
                return usual.isAfter(reconnectedAt) ? usual : reconnectedAt;
            }
            return null;
        }
    }
}
