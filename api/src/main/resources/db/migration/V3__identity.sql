-- The app's own tenants and people: a workspace per person at registration, users who sign in to it.
-- Emails are stored lower-cased (the application normalises them), so the unique index is
-- case-insensitive in effect and a CHECK keeps anyone from writing a mixed-case row past it.

CREATE TABLE workspace (
    id         UUID        PRIMARY KEY,
    name       TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE app_user (
    id            UUID        PRIMARY KEY,
    workspace_id  UUID        NOT NULL REFERENCES workspace (id),
    email         TEXT        NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
    display_name  TEXT        CHECK (length(display_name) <= 100),
    password_hash TEXT        NOT NULL,
    roles         TEXT[]      NOT NULL DEFAULT '{USER}',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE UNIQUE INDEX app_user_email_key ON app_user (email);
CREATE INDEX app_user_workspace_idx ON app_user (workspace_id);
