-- OpenID Connect login ("Sign in with Google / Microsoft").
--
-- Who signs in by OIDC: the provider's issuer and subject (OpenID Connect Core 5.7: the only stable
-- identifier) point at one Syncline user. An email is never used to find or link a user.
CREATE TABLE user_identity (
    issuer      TEXT         NOT NULL CHECK (length(issuer) BETWEEN 1 AND 500),
    subject     TEXT         NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    user_id     UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    provider    VARCHAR(32)  NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_identity_user_idx ON user_identity (user_id);

-- A user who only ever signs in by OIDC has no password; the application never lets a null hash match.
ALTER TABLE app_user ALTER COLUMN password_hash DROP NOT NULL;

-- Authorization requests of logins in flight (state, nonce, PKCE verifier), one row per login, shared by
-- every node. Keyed by the SHA-256 of the state and bound to the browser that started the login by the
-- SHA-256 of a random cookie. Consumed (deleted) by the callback whatever its outcome; ten minutes at most.
CREATE TABLE oidc_login_request (
    state_hash       CHAR(64)     PRIMARY KEY,
    browser_hash     CHAR(64)     NOT NULL,
    registration_id  VARCHAR(32)  NOT NULL,
    authorization_uri TEXT       NOT NULL,
    client_id        TEXT         NOT NULL,
    redirect_uri     TEXT         NOT NULL,
    scopes           TEXT         NOT NULL,
    nonce            TEXT         NOT NULL,
    code_verifier    TEXT         NOT NULL,
    redirect_to      TEXT,
    created_at       TIMESTAMPTZ  NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oidc_login_request_expiry ON oidc_login_request (expires_at);

-- One-time codes that hand a finished login to the frontend (through the URL fragment of the post-login
-- redirect), stored as SHA-256 hashes, redeemable once within a minute.
CREATE TABLE oidc_login_code (
    code_hash     CHAR(64)     PRIMARY KEY,
    user_id       UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    login_method  VARCHAR(16)  NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL,
    expires_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX oidc_login_code_expiry ON oidc_login_code (expires_at);
