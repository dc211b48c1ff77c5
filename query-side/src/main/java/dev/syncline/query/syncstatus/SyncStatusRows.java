package dev.syncline.query.syncstatus;

import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncRunState;
import dev.syncline.messages.sync.SyncRunView;
import dev.syncline.messages.sync.SyncStage;
import dev.syncline.messages.sync.SyncStatusView;
import dev.syncline.messages.sync.SyncTrigger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Maps the rows of {@code sync_status} and {@code sync_run} to their views, for the projection and its query handler alike. */
final class SyncStatusRows {

    /** The columns of {@code sync_status} that {@link #status} reads, for SELECT and RETURNING clauses. */
    static final String STATUS_COLUMNS = """
            account_id, channel, workspace_id, owner_id, provider, stage, sync_id, sync_kind, sync_trigger, items_done,
            estimated_total, pages, upserted, removed, started_at, finished_at, last_success_at, next_run_at,
            throttled_until, last_error, action_required, updated_at""";

    /** The columns of {@code sync_run} that {@link #run} reads. */
    static final String RUN_COLUMNS = """
            sync_id, account_id, channel, kind, trigger, state, pages, items_done, upserted, removed, estimated_total,
            started_at, finished_at, last_error, updated_at""";

    /** MAIL before CALENDAR, the order of {@link SyncChannel}. */
    static final String CHANNEL_ORDER = "CASE channel WHEN 'MAIL' THEN 0 ELSE 1 END";

    private SyncStatusRows() {
    }

    /** A channel's status with the workspace and owner it belongs to, which the view does not show. */
    record OwnedStatus(String workspaceId, String ownerId, SyncStatusView view) {

        boolean visibleTo(String accountId, String workspaceId, String ownerId) {
            return view.accountId().equals(accountId) && this.workspaceId.equals(workspaceId) && this.ownerId.equals(ownerId);
        }
    }

    static OwnedStatus status(ResultSet rs, int row) throws SQLException {
        return new OwnedStatus(rs.getString("workspace_id"), rs.getString("owner_id"), new SyncStatusView(
                rs.getString("account_id"),
                Provider.valueOf(rs.getString("provider")),
                SyncChannel.valueOf(rs.getString("channel")),
                SyncStage.valueOf(rs.getString("stage")),
                rs.getString("sync_id"),
                rs.getString("sync_kind") == null ? null : SyncKind.valueOf(rs.getString("sync_kind")),
                rs.getString("sync_trigger") == null ? null : SyncTrigger.valueOf(rs.getString("sync_trigger")),
                rs.getLong("items_done"),
                nullableLong(rs, "estimated_total"),
                rs.getInt("pages"),
                rs.getLong("upserted"),
                rs.getLong("removed"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                instant(rs, "last_success_at"),
                instant(rs, "next_run_at"),
                instant(rs, "throttled_until"),
                rs.getString("last_error"),
                rs.getBoolean("action_required"),
                instant(rs, "updated_at")));
    }

    static SyncStatusView statusView(ResultSet rs, int row) throws SQLException {
        return status(rs, row).view();
    }

    static SyncRunView run(ResultSet rs, int row) throws SQLException {
        return new SyncRunView(
                rs.getString("sync_id"),
                rs.getString("account_id"),
                SyncChannel.valueOf(rs.getString("channel")),
                SyncKind.valueOf(rs.getString("kind")),
                SyncTrigger.valueOf(rs.getString("trigger")),
                SyncRunState.valueOf(rs.getString("state")),
                rs.getInt("pages"),
                rs.getLong("items_done"),
                rs.getLong("upserted"),
                rs.getLong("removed"),
                nullableLong(rs, "estimated_total"),
                instant(rs, "started_at"),
                instant(rs, "finished_at"),
                rs.getString("last_error"),
                instant(rs, "updated_at"));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
