-- Credential vault: per-account data keys wrapped by a versioned key-encryption key (KEK), and the
-- provider tokens encrypted with them. Ciphertexts are AES-256-GCM in the layout documented on
-- dev.syncline.command.vault.AesGcm; no column holds a secret in clear.

CREATE TABLE vault_data_key (
    account_id   text        PRIMARY KEY,
    workspace_id text        NOT NULL,
    -- Id the account's ciphertexts carry in their header; random per key, so a key created after a
    -- shred never matches content sealed with the destroyed one.
    data_key_id  text        NOT NULL,
    -- KEK version that wraps the key; a rewrap moves rows to the active version.
    kek_id       text        NOT NULL,
    wrapped_key  bytea       NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    rewrapped_at timestamptz,
    -- Target of the tokens' foreign key, so a vault row can never sit in another workspace than its key.
    UNIQUE (account_id, workspace_id)
);

-- Globally unique, which lets a failed open tell "sealed by another account" from "key destroyed".
CREATE UNIQUE INDEX vault_data_key_data_key_id_idx ON vault_data_key (data_key_id);

CREATE INDEX vault_data_key_kek_id_idx ON vault_data_key (kek_id);
CREATE INDEX vault_data_key_workspace_id_idx ON vault_data_key (workspace_id);

CREATE TABLE credential_vault (
    account_id              text        PRIMARY KEY,
    workspace_id            text        NOT NULL,
    provider                text        NOT NULL,
    access_token            bytea       NOT NULL,
    refresh_token           bytea,
    access_token_expires_at timestamptz NOT NULL,
    -- Space-separated, as OAuth writes them; not secret.
    scopes                  text        NOT NULL DEFAULT '',
    updated_at              timestamptz NOT NULL DEFAULT now(),
    -- Destroying the data key (crypto-shredding) deletes the tokens with it, in one statement.
    FOREIGN KEY (account_id, workspace_id) REFERENCES vault_data_key (account_id, workspace_id) ON DELETE CASCADE
);

CREATE INDEX credential_vault_workspace_id_idx ON credential_vault (workspace_id);
CREATE INDEX credential_vault_expires_at_idx ON credential_vault (access_token_expires_at);
