-- Read models of the sync feature kept by SyncStatusProjection (processing group "sync-status"), owned by
-- module query-side and rebuilt by replay: the projection's reset handler empties all three tables.
-- last_position is the global index of the last event applied to the row. The group is sequenced per
-- account, so an account's events arrive in store order and every write is guarded by it: a duplicate or
-- a redelivery of an older event changes nothing.

-- sync_status: one row per account and channel, as the owner sees it.
CREATE TABLE sync_status (
    account_id      TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    workspace_id    TEXT        NOT NULL,
    owner_id        TEXT        NOT NULL,
    provider        TEXT        NOT NULL,
    stage           TEXT        NOT NULL,
    sync_id         TEXT,
    sync_kind       TEXT,
    sync_trigger    TEXT,
    items_done      BIGINT      NOT NULL DEFAULT 0,
    estimated_total BIGINT,
    pages           INTEGER     NOT NULL DEFAULT 0,
    upserted        BIGINT      NOT NULL DEFAULT 0,
    removed         BIGINT      NOT NULL DEFAULT 0,
    started_at      TIMESTAMPTZ,
    finished_at     TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    next_run_at     TIMESTAMPTZ,
    throttled_until TIMESTAMPTZ,
    last_error      TEXT,
    action_required BOOLEAN     NOT NULL DEFAULT FALSE,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_position   BIGINT      NOT NULL,
    PRIMARY KEY (account_id, channel),
    CONSTRAINT sync_status_channel_check CHECK (channel IN ('MAIL', 'CALENDAR')),
    CONSTRAINT sync_status_stage_check
        CHECK (stage IN ('PENDING', 'FULL_SYNC', 'INCREMENTAL', 'THROTTLED', 'PAUSED', 'FAILED', 'IDLE'))
);

-- FindSyncStatusesQuery: one owner's channels in one workspace. One account's channels use the primary key.
CREATE INDEX sync_status_owner_idx ON sync_status (workspace_id, owner_id, account_id);

-- sync_run: one row per sync, from its start to its end.
CREATE TABLE sync_run (
    sync_id         TEXT        NOT NULL,
    account_id      TEXT        NOT NULL,
    channel         TEXT        NOT NULL,
    workspace_id    TEXT        NOT NULL,
    owner_id        TEXT        NOT NULL,
    kind            TEXT        NOT NULL,
    trigger         TEXT        NOT NULL,
    state           TEXT        NOT NULL,
    pages           INTEGER     NOT NULL DEFAULT 0,
    items_done      BIGINT      NOT NULL DEFAULT 0,
    upserted        BIGINT      NOT NULL DEFAULT 0,
    removed         BIGINT      NOT NULL DEFAULT 0,
    estimated_total BIGINT,
    started_at      TIMESTAMPTZ NOT NULL,
    finished_at     TIMESTAMPTZ,
    last_error      TEXT,
    updated_at      TIMESTAMPTZ NOT NULL,
    last_position   BIGINT      NOT NULL,
    PRIMARY KEY (sync_id),
    CONSTRAINT sync_run_channel_check CHECK (channel IN ('MAIL', 'CALENDAR')),
    CONSTRAINT sync_run_state_check
        CHECK (state IN ('RUNNING', 'THROTTLED', 'PAUSED', 'COMPLETED', 'FAILED', 'RESTARTED'))
);

-- The runs of one account: a disconnect deletes them, the owner reads them.
CREATE INDEX sync_run_account_idx ON sync_run (account_id, started_at DESC);

-- sync_status_account: who owns an account and with which provider. It holds nothing else, so it stays after
-- a disconnect: connecting the same account again (AccountReconnectedEvent, which names neither) brings its
-- channels back. last_position is that of the last account event applied: connect, reconnect, disconnect.
CREATE TABLE sync_status_account (
    account_id    TEXT   NOT NULL,
    workspace_id  TEXT   NOT NULL,
    owner_id      TEXT   NOT NULL,
    provider      TEXT   NOT NULL,
    last_position BIGINT NOT NULL,
    PRIMARY KEY (account_id)
);
