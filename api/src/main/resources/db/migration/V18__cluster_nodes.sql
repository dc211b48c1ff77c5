-- The running instances of Syncline on this database, each with its last heartbeat (database time, so the
-- nodes' clocks need not agree). A node's fair share of each processor's segments is its segment count
-- divided by the nodes seen alive here; a node that stops heartbeating drops out after the token claim timeout.
CREATE TABLE cluster_node (
    node_id      VARCHAR(255) PRIMARY KEY,
    heartbeat_at TIMESTAMPTZ  NOT NULL
);
