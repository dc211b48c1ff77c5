package dev.syncline.command.vault.rotation;

import dev.syncline.command.vault.DataKeyStore.UnopenableDataKey;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rewrap job's records in {@code vault_rewrap_job} and {@code vault_rewrap_failure}: what operators
 * follow, kept across restarts. Batch updates join the caller's transaction, so a record's counts move
 * together with the keys they count.
 */
public class RewrapJobRecords {

    private static final String SELECT = """
            SELECT job_id, target_kek_id, state, node, started_at, finished_at, total, moved, failed, remaining, last_error
            FROM vault_rewrap_job""";

    private final JdbcClient jdbc;

    public RewrapJobRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void begin(String jobId, String targetKeyId, String node, Instant now, long total, long remaining) {
        jdbc.sql("""
                        INSERT INTO vault_rewrap_job (job_id, target_kek_id, state, node, started_at, updated_at, total, remaining)
                        VALUES (:job, :target, :state, :node, :now, :now, :total, :remaining)""")
                .param("job", jobId)
                .param("target", targetKeyId)
                .param("state", RewrapState.RUNNING.name())
                .param("node", node)
                .param("now", Timestamp.from(now))
                .param("total", total)
                .param("remaining", remaining)
                .update();
    }

    /** Ends every RUNNING record: called by the holder of the lock, so their runs are known to be dead. */
    int abandonRunning(String reason, Instant now) {
        return jdbc.sql("""
                        UPDATE vault_rewrap_job SET state = :failed, last_error = :reason, finished_at = :now, updated_at = :now
                        WHERE state = :running""")
                .param("failed", RewrapState.FAILED.name())
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("running", RewrapState.RUNNING.name())
                .update();
    }

    /** Adds a batch's counts and failures; a key that already failed in this run is counted once. */
    void recordBatch(String jobId, int moved, List<UnopenableDataKey> unopenable, Instant now) {
        int newFailures = 0;
        for (UnopenableDataKey key : unopenable) {
            newFailures += jdbc.sql("""
                            INSERT INTO vault_rewrap_failure (job_id, account_id, workspace_id, kek_id, reason)
                            VALUES (:job, :account, :workspace, :kek, :reason) ON CONFLICT DO NOTHING""")
                    .param("job", jobId)
                    .param("account", key.accountId())
                    .param("workspace", key.workspaceId())
                    .param("kek", key.keyEncryptionKeyId())
                    .param("reason", key.reason())
                    .update();
        }
        jdbc.sql("""
                        UPDATE vault_rewrap_job SET moved = moved + :moved, failed = failed + :failed,
                            remaining = greatest(remaining - :moved, 0), updated_at = :now
                        WHERE job_id = :job""")
                .param("moved", moved)
                .param("failed", newFailures)
                .param("now", Timestamp.from(now))
                .param("job", jobId)
                .update();
    }

    void finish(String jobId, RewrapState state, long remaining, String lastError, Instant now) {
        jdbc.sql("""
                        UPDATE vault_rewrap_job SET state = :state, remaining = :remaining, last_error = :error,
                            finished_at = :now, updated_at = :now
                        WHERE job_id = :job""")
                .param("state", state.name())
                .param("remaining", remaining)
                .param("error", lastError)
                .param("now", Timestamp.from(now))
                .param("job", jobId)
                .update();
    }

    Optional<JobRecord> find(String jobId) {
        return jdbc.sql(SELECT + " WHERE job_id = :job").param("job", jobId).query(JobRecord.class).optional();
    }

    /** The most recently started run, if any ever ran. */
    Optional<JobRecord> latest() {
        return jdbc.sql(SELECT + " ORDER BY started_at DESC, job_id DESC LIMIT 1").query(JobRecord.class).optional();
    }

    List<RewrapFailure> failures(String jobId, int limit) {
        return jdbc.sql("""
                        SELECT account_id, workspace_id, kek_id, reason FROM vault_rewrap_failure
                        WHERE job_id = :job ORDER BY account_id LIMIT :limit""")
                .param("job", jobId)
                .param("limit", limit)
                .query((rs, row) -> new RewrapFailure(rs.getString("account_id"), rs.getString("workspace_id"),
                        rs.getString("kek_id"), rs.getString("reason")))
                .list();
    }

    record JobRecord(String jobId, String targetKekId, String state, String node, Timestamp startedAt,
                     Timestamp finishedAt, long total, long moved, long failed, long remaining, String lastError) {

        RewrapState rewrapState() {
            return RewrapState.valueOf(state);
        }
    }
}
