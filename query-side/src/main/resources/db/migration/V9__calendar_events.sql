-- calendar_events: the calendar items of every connected account, one row per account and provider item id
-- (CalendarEventsProjection, group "calendar-events"), opened from the sealed pages of the sync events.
-- Rebuilt by replay like synced_messages, with the same stable ids and the same last_seen_sync sweep.
-- Cancelled items the provider still lists stay, with status CANCELLED. starts_at is null only when the
-- provider gave no start; such an item is in no time window.
CREATE TABLE calendar_events (
    id                UUID        NOT NULL,
    workspace_id      TEXT        NOT NULL,
    owner_id          TEXT        NOT NULL,
    account_id        TEXT        NOT NULL,
    external_id       TEXT        NOT NULL,
    title             TEXT,
    description       TEXT,
    location          TEXT,
    starts_at         TIMESTAMPTZ,
    ends_at           TIMESTAMPTZ,
    time_zone         TEXT,
    all_day           BOOLEAN     NOT NULL,
    recurrence        TEXT[]      NOT NULL DEFAULT '{}',
    series_id         TEXT,
    organizer_name    TEXT,
    organizer_address TEXT,
    attendees         JSONB       NOT NULL DEFAULT '[]'::jsonb,
    status            TEXT        NOT NULL,
    last_seen_sync    TEXT        NOT NULL,
    updated_at        TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT calendar_events_account_external_id_key UNIQUE (account_id, external_id),
    CONSTRAINT calendar_events_status_check CHECK (status IN ('CONFIRMED', 'TENTATIVE', 'CANCELLED'))
);

-- FindCalendarItemsQuery: items starting in or before a window, in start order (and recurring series).
CREATE INDEX calendar_events_owner_starts_idx ON calendar_events (workspace_id, owner_id, starts_at, id);

-- FindCalendarItemsQuery: items still running at the window's start (ends_at > from).
CREATE INDEX calendar_events_owner_ends_idx ON calendar_events (workspace_id, owner_id, ends_at);

-- The sweep after a full sync: the account's rows that another sync wrote last.
CREATE INDEX calendar_events_account_sync_idx ON calendar_events (account_id, last_seen_sync);
