package dev.syncline.command.vault.rotation;

import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.DataKeyStore.RewrapBatch;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One run of the rewrap job, by a process that holds the {@link RewrapLock}: walks the data keys that are
 * not on the active key-encryption key in account order, a batch per transaction, and records each batch
 * in the same transaction. A crash loses at most the open batch; the next run finds the rest by their
 * version. Keys it cannot open are counted and named by account, and end the run FAILED.
 *
 * <p>A second pass picks up keys that an instance still on the previous key ring wrapped behind the first
 * pass's cursor; more passes than that mean such an instance keeps writing, which the run reports.
 */
final class RewrapJob {

    private static final Logger log = LoggerFactory.getLogger(RewrapJob.class);
    private static final int MAX_PASSES = 3;
    private static final int FAILURES_NAMED = 5;

    private final DataKeyStore dataKeys;
    private final RewrapJobRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int batchSize;
    private final String activeKeyId;

    RewrapJob(DataKeyStore dataKeys, RewrapJobRecords records, TransactionTemplate transactions, Clock clock,
              int batchSize, String activeKeyId) {
        this.dataKeys = dataKeys;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.batchSize = batchSize;
        this.activeKeyId = activeKeyId;
    }

    /**
     * Runs to the end and records the outcome. A {@link RuntimeException} (the database gone, an
     * interrupt) ends the run FAILED; an {@link Error} propagates with the record left RUNNING, as a
     * crash would leave it.
     */
    void run(String jobId, RewrapListener listener) {
        long moved = 0;
        long failed = 0;
        try {
            long passMoved;
            int passes = 0;
            do {
                passes++;
                passMoved = 0;
                String cursor = "";
                while (true) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new IllegalStateException("Interrupted: the process is shutting down; start the job again to resume");
                    }
                    String after = cursor;
                    RewrapBatch batch = transactions.execute(status -> {
                        RewrapBatch done = dataKeys.rewrapBatchAfter(after, batchSize);
                        records.recordBatch(jobId, done.moved(), done.unopenable(), clock.instant());
                        return done;
                    });
                    if (batch == null || batch.examined() == 0) {
                        break;
                    }
                    cursor = batch.lastAccountId();
                    passMoved += batch.moved();
                    moved += batch.moved();
                    RewrapJobRecords.JobRecord record = records.find(jobId).orElseThrow();
                    failed = record.failed();
                    listener.afterBatch(record.moved(), record.failed(), record.remaining());
                }
            } while (passMoved > 0 && passes < MAX_PASSES && remaining() > failed);
            finish(jobId);
        } catch (RuntimeException e) {
            long remaining = remaining();
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.error("Key rotation {} onto key-encryption key {} FAILED after moving {} data keys ({} remaining): {}",
                    jobId, activeKeyId, moved, remaining, reason);
            records.finish(jobId, RewrapState.FAILED, remaining, reason, clock.instant());
        }
    }

    private void finish(String jobId) {
        RewrapJobRecords.JobRecord record = records.find(jobId).orElseThrow();
        long remaining = remaining();
        String error = null;
        if (record.failed() > 0) {
            error = record.failed() + " data key(s) could not be opened and stay on their old version (accounts "
                    + records.failures(jobId, FAILURES_NAMED).stream().map(RewrapFailure::accountId).collect(Collectors.joining(", "))
                    + (record.failed() > FAILURES_NAMED ? ", …" : "") + "); see the failures for each reason."
                    + " Do not retire their version: restore it if it was removed, or disconnect those accounts.";
        } else if (remaining > 0) {
            error = remaining + " data key(s) are still on an older version: an instance on the previous key ring"
                    + " is still writing. Put every instance on the new key ring, then start the job again.";
        }
        RewrapState state = error == null ? RewrapState.COMPLETED : RewrapState.FAILED;
        records.finish(jobId, state, remaining, error, clock.instant());
        if (error == null) {
            log.info("Key rotation {} COMPLETED: moved {} data keys onto key-encryption key {}; keys by version now {}",
                    jobId, record.moved(), activeKeyId, dataKeys.countByKeyEncryptionKey());
        } else {
            log.error("Key rotation {} FAILED: moved {} data keys onto key-encryption key {}; {}",
                    jobId, record.moved(), activeKeyId, error);
        }
    }

    private long remaining() {
        return dataKeys.countByKeyEncryptionKey().entrySet().stream()
                .filter(entry -> !entry.getKey().equals(activeKeyId))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }
}
