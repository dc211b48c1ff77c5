-- Read models of the account feature, owned by module query-side. Both are rebuilt by replay:
-- their projections' reset handlers empty them, so nothing here may be written by anything else.

-- connected_account: one row per account, as its owner sees it (AccountProjection, group "accounts").
-- last_sequence is the aggregate sequence number of the last event applied; every write is guarded
-- by it, so a duplicate or a late redelivery of an older event changes nothing.
CREATE TABLE connected_account (
    id                      TEXT        NOT NULL,
    workspace_id            TEXT        NOT NULL,
    owner_id                TEXT        NOT NULL,
    provider                TEXT        NOT NULL,
    provider_user_id        TEXT        NOT NULL,
    email                   TEXT        NOT NULL,
    scopes                  TEXT[]      NOT NULL DEFAULT '{}',
    status                  TEXT        NOT NULL,
    access_token_expires_at TIMESTAMPTZ,
    last_refreshed_at       TIMESTAMPTZ,
    last_error              TEXT,
    last_error_permanent    BOOLEAN     NOT NULL DEFAULT FALSE,
    connected_at            TIMESTAMPTZ NOT NULL,
    updated_at              TIMESTAMPTZ NOT NULL,
    last_sequence           BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT connected_account_status_check
        CHECK (status IN ('ACTIVE', 'REAUTHORIZATION_REQUIRED', 'DISCONNECTED'))
);

-- FindAccountsQuery: one owner's accounts in one workspace, newest first.
CREATE INDEX connected_account_owner_idx
    ON connected_account (workspace_id, owner_id, connected_at DESC, id);

-- account_audit: the timeline of an account (AccountAuditProjection, group "token-audit").
-- Any event about an account (token lifecycle now, sync later) adds one row of this shape;
-- position is the event's global index, so the timeline interleaves aggregates correctly.
CREATE TABLE account_audit (
    event_id    TEXT        NOT NULL,
    position    BIGINT      NOT NULL,
    account_id  TEXT        NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,
    type        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    cause       TEXT,
    summary     TEXT        NOT NULL,
    details     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    PRIMARY KEY (event_id)
);

-- FindAccountAuditQuery: one account's entries, oldest first.
CREATE INDEX account_audit_account_position_idx ON account_audit (account_id, position);

-- Who owns an account, so that the timeline is answered only for its owner. Kept by the audit
-- projection itself, so that it does not depend on another processing group's progress.
CREATE TABLE account_audit_owner (
    account_id   TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    owner_id     TEXT NOT NULL,
    PRIMARY KEY (account_id)
);
