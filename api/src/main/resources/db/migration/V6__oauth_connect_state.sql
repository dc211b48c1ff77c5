-- One-time state values of the account connect flow (RFC 6749 section 10.12), stored as SHA-256 hashes,
-- bound to the user and provider, with the PKCE verifier the callback needs. Rows live ten minutes.
CREATE TABLE oauth_connect_state (
    state_hash    CHAR(64)     PRIMARY KEY,
    user_id       UUID         NOT NULL,
    workspace_id  UUID         NOT NULL,
    provider      VARCHAR(16)  NOT NULL,
    redirect_uri  TEXT         NOT NULL,
    code_verifier TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oauth_connect_state_expiry ON oauth_connect_state (expires_at);
