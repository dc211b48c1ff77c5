-- When each active account's token is next due for a look (ahead of expiry, keep-alive, or retry).
-- Rebuilt from events by the token-refresh-schedule processor.
CREATE TABLE token_refresh_schedule (
    account_id      VARCHAR(64) PRIMARY KEY,
    next_refresh_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX token_refresh_schedule_due ON token_refresh_schedule (next_refresh_at);
