-- Which sessions (refresh-token families) of the app's own login are active. Kept by SessionRegistry, a
-- subscribing processor (group "session-registry"), in the same transaction as the session's events, so the api
-- can end every session of a user and refuse an access token whose session ended, without waiting for a
-- projection. Holds no token and no hash.
CREATE TABLE session_registry (
    session_id   TEXT        PRIMARY KEY,
    user_id      TEXT        NOT NULL,
    workspace_id TEXT        NOT NULL,
    active       BOOLEAN     NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    ended_at     TIMESTAMPTZ,
    CONSTRAINT session_registry_ended_check CHECK (active = (ended_at IS NULL))
);

-- logout-all and a password change: the active sessions of one user.
CREATE INDEX session_registry_active_user_idx ON session_registry (user_id, started_at) WHERE active;
