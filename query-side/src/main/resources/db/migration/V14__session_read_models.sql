-- Read models of the app's own sessions (refresh-token families), owned by module query-side and rebuilt by replay:
-- each projection's reset handler empties its table. Neither holds a token or a token hash.

-- user_session: one row per session, as its owner sees it in the list of their sessions (UserSessionProjection,
-- group "user-sessions"). A session is active while ended_at is NULL and both expiries lie in the future: one whose
-- limit has passed but whose expiry event has not arrived yet is already over. end_reason is a SessionEndReason
-- (LOGOUT, LOGOUT_ALL, ...) or IDLE_EXPIRY / ABSOLUTE_EXPIRY. last_sequence is the aggregate sequence number of the
-- last event applied; every write is guarded by it, so a duplicate or a late redelivery changes nothing.
CREATE TABLE user_session (
    session_id          TEXT        NOT NULL,
    user_id             TEXT        NOT NULL,
    workspace_id        TEXT        NOT NULL,
    method              TEXT        NOT NULL,
    user_agent          TEXT        NOT NULL DEFAULT '',
    started_at          TIMESTAMPTZ NOT NULL,
    last_used_at        TIMESTAMPTZ NOT NULL,
    idle_expires_at     TIMESTAMPTZ NOT NULL,
    absolute_expires_at TIMESTAMPTZ NOT NULL,
    ended_at            TIMESTAMPTZ,
    end_reason          TEXT,
    last_sequence       BIGINT      NOT NULL,
    PRIMARY KEY (session_id),
    CONSTRAINT user_session_method_check CHECK (method IN ('PASSWORD', 'GOOGLE', 'MICROSOFT')),
    CONSTRAINT user_session_end_check CHECK ((ended_at IS NULL) = (end_reason IS NULL))
);

-- FindActiveSessionsQuery: one user's sessions that have not ended, most recently used first.
CREATE INDEX user_session_owner_idx ON user_session (workspace_id, user_id, last_used_at DESC) WHERE ended_at IS NULL;

-- session_audit: one row per lifecycle event of a session (SessionAuditProjection, group "session-audit"), keyed by
-- the event's global position, which orders the entries across sessions and makes a replayed event a no-op.
-- detail says how or why in words; user_agent is the client that caused the step, when there was one.
CREATE TABLE session_audit (
    position     BIGINT      NOT NULL,
    type         TEXT        NOT NULL,
    session_id   TEXT        NOT NULL,
    user_id      TEXT        NOT NULL,
    workspace_id TEXT        NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    detail       TEXT        NOT NULL,
    user_agent   TEXT,
    PRIMARY KEY (position),
    CONSTRAINT session_audit_type_check CHECK (type IN ('SESSION_STARTED', 'SESSION_REFRESHED',
        'REFRESH_TOKEN_REUSE_DETECTED', 'SESSION_REVOKED', 'SESSION_EXPIRED'))
);

-- FindSessionAuditQuery of a user, and of a workspace; the admin view of everyone reads the primary key backwards.
CREATE INDEX session_audit_user_idx ON session_audit (user_id, position);
CREATE INDEX session_audit_workspace_idx ON session_audit (workspace_id, position);
