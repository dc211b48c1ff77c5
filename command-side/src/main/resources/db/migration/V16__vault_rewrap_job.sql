-- Runs of the job that rewraps every data key with the active key-encryption key (KEK). The real state
-- of a rotation is in vault_data_key (each row's kek_id), so a crashed run resumes by starting again;
-- this table keeps what operators follow across restarts: when each run started and ended, what it moved,
-- and why it failed. A RUNNING row whose advisory lock nobody holds was abandoned by a crashed node.
CREATE TABLE vault_rewrap_job (
    job_id        text        PRIMARY KEY,
    target_kek_id text        NOT NULL,
    state         text        NOT NULL,
    node          text        NOT NULL,
    started_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    total         bigint      NOT NULL,
    moved         bigint      NOT NULL DEFAULT 0,
    failed        bigint      NOT NULL DEFAULT 0,
    remaining     bigint      NOT NULL,
    last_error    text
);

CREATE INDEX vault_rewrap_job_started_at_idx ON vault_rewrap_job (started_at DESC);

-- Data keys a run could not open (retired or unknown KEK, altered row): which account, never key material.
CREATE TABLE vault_rewrap_failure (
    job_id       text NOT NULL REFERENCES vault_rewrap_job (job_id) ON DELETE CASCADE,
    account_id   text NOT NULL,
    workspace_id text NOT NULL,
    kek_id       text NOT NULL,
    reason       text NOT NULL,
    PRIMARY KEY (job_id, account_id)
);
