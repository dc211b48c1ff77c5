-- When each channel of each connected account next syncs. Rebuilt from events by the sync-schedule
-- processor; the starter claims due rows, so several nodes never start the same channel twice at once.
CREATE TABLE sync_schedule (
    account_id   VARCHAR(64) NOT NULL,
    channel      VARCHAR(16) NOT NULL,
    workspace_id VARCHAR(64) NOT NULL,
    owner_id     VARCHAR(64) NOT NULL,
    provider     VARCHAR(16) NOT NULL,
    next_run_at  TIMESTAMPTZ NOT NULL,
    run_trigger  VARCHAR(32) NOT NULL,
    paused       BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (account_id, channel)
);
CREATE INDEX sync_schedule_due ON sync_schedule (next_run_at) WHERE NOT paused;
