-- synced_messages: the mail of every connected account, one row per account and provider message id
-- (SyncedMessagesProjection, group "synced-messages"), opened from the sealed pages of the sync events.
-- Rebuilt by replay: the projection's reset handler empties it, so nothing else may write here.
-- id is a name-based UUID of account and external id, so a replay gives every row the same id.
-- last_seen_sync is the sync that last wrote the row: a completed full sync deletes the account's rows
-- it did not see. Holds content: only the owner's queries read it, and a disconnect deletes the rows.
CREATE TABLE synced_messages (
    id              UUID        NOT NULL,
    workspace_id    TEXT        NOT NULL,
    owner_id        TEXT        NOT NULL,
    account_id      TEXT        NOT NULL,
    external_id     TEXT        NOT NULL,
    thread_id       TEXT,
    folder_id       TEXT,
    labels          TEXT[]      NOT NULL DEFAULT '{}',
    from_name       TEXT,
    from_address    TEXT,
    to_addresses    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    cc_addresses    JSONB       NOT NULL DEFAULT '[]'::jsonb,
    subject         TEXT,
    snippet         TEXT,
    body            TEXT,
    body_truncated  BOOLEAN     NOT NULL DEFAULT FALSE,
    received_at     TIMESTAMPTZ NOT NULL,
    unread          BOOLEAN     NOT NULL,
    has_attachments BOOLEAN     NOT NULL,
    attachments     JSONB       NOT NULL DEFAULT '[]'::jsonb,
    last_seen_sync  TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (id),
    -- The upsert key; also serves a disconnect (every row of an account) and a removal.
    CONSTRAINT synced_messages_account_external_id_key UNIQUE (account_id, external_id)
);

-- FindMessagesQuery: one owner's messages, newest first, continued from the last page's key.
CREATE INDEX synced_messages_owner_received_idx
    ON synced_messages (workspace_id, owner_id, received_at DESC, id DESC);

-- The sweep after a full sync: the account's rows that another sync wrote last.
CREATE INDEX synced_messages_account_sync_idx ON synced_messages (account_id, last_seen_sync);
