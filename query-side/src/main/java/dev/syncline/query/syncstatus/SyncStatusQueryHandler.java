package dev.syncline.query.syncstatus;

import static dev.syncline.query.syncstatus.SyncStatusRows.CHANNEL_ORDER;
import static dev.syncline.query.syncstatus.SyncStatusRows.RUN_COLUMNS;
import static dev.syncline.query.syncstatus.SyncStatusRows.STATUS_COLUMNS;

import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
import dev.syncline.messages.sync.FindSyncRunQuery;
import dev.syncline.messages.sync.FindSyncStatusesQuery;
import dev.syncline.messages.sync.SyncRunView;
import dev.syncline.messages.sync.SyncStatusView;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the sync status and sync run queries from the tables {@link SyncStatusProjection} keeps. Every answer
 * is limited to the caller's own accounts in the caller's workspace: another user's account is simply not there.
 */
@Component
public class SyncStatusQueryHandler {

    private final JdbcClient jdbc;

    public SyncStatusQueryHandler(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every channel of every account of the caller, by account, mail first. */
    @QueryHandler
    public List<SyncStatusView> handle(FindSyncStatusesQuery query) {
        return jdbc.sql("SELECT " + STATUS_COLUMNS + " FROM sync_status"
                        + " WHERE workspace_id = :workspaceId AND owner_id = :ownerId"
                        + " ORDER BY account_id, " + CHANNEL_ORDER)
                .param("workspaceId", query.workspaceId())
                .param("ownerId", query.ownerId())
                .query(SyncStatusRows::statusView)
                .list();
    }

    /** The account's channels, mail first; empty for an unknown account and for anyone else's. */
    @QueryHandler
    public List<SyncStatusView> handle(FindAccountSyncStatusQuery query) {
        return jdbc.sql("SELECT " + STATUS_COLUMNS + " FROM sync_status"
                        + " WHERE account_id = :accountId AND workspace_id = :workspaceId AND owner_id = :ownerId"
                        + " ORDER BY " + CHANNEL_ORDER)
                .param("accountId", query.accountId())
                .param("workspaceId", query.workspaceId())
                .param("ownerId", query.ownerId())
                .query(SyncStatusRows::statusView)
                .list();
    }

    /** The run if it is one of the account's and the caller owns the account; empty otherwise. */
    @QueryHandler
    public Optional<SyncRunView> handle(FindSyncRunQuery query) {
        return jdbc.sql("SELECT " + RUN_COLUMNS + " FROM sync_run"
                        + " WHERE sync_id = :syncId AND account_id = :accountId"
                        + " AND workspace_id = :workspaceId AND owner_id = :ownerId")
                .param("syncId", query.syncId())
                .param("accountId", query.accountId())
                .param("workspaceId", query.workspaceId())
                .param("ownerId", query.ownerId())
                .query(SyncStatusRows::run)
                .optional();
    }
}
