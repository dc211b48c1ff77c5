package dev.syncline.command.vault.rotation;

import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Key-encryption key rotation: starts the rewrap job (in the background for the admin API, in the
 * caller's thread for the command line) and reports its progress. Only one job runs across all nodes;
 * a job whose node died is reported FAILED as abandoned, and starting again resumes where it stopped,
 * because what is left to do is read from the data keys themselves.
 */
public class KeyRotation {

    static final String ABANDONED = "Abandoned: the process running it stopped before it finished (a crash or a"
            + " forced shutdown). Start the job again to resume.";
    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int FAILURES_SHOWN = 100;

    private final DataKeyStore dataKeys;
    private final KeyRing keyRing;
    private final RewrapLock lock;
    private final RewrapJobRecords records;
    private final TransactionTemplate transactions;
    private final Executor background;
    private final Clock clock;
    private final int batchSize;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    public KeyRotation(DataKeyStore dataKeys, KeyRing keyRing, RewrapLock lock, RewrapJobRecords records,
                       TransactionTemplate transactions, Executor background, Clock clock, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        this.dataKeys = dataKeys;
        this.keyRing = keyRing;
        this.lock = lock;
        this.records = records;
        this.transactions = transactions;
        this.background = background;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    /**
     * Claims the job for this process and runs it in the background.
     *
     * @return the progress right after the claim (RUNNING)
     * @throws RewrapAlreadyRunningException if a job runs on any node
     */
    public RewrapProgress start() {
        RewrapLock.Held held = claim();
        try {
            String jobId = begin();
            background.execute(() -> {
                try (held) {
                    newJob().run(jobId, RewrapListener.NONE);
                }
            });
            return progress();
        } catch (RuntimeException e) {
            held.close();
            if (e instanceof RejectedExecutionException) {
                throw new IllegalStateException("The rewrap job cannot start: the process is shutting down", e);
            }
            throw e;
        }
    }

    /**
     * Runs the job in the caller's thread to its end.
     *
     * @return the final progress, COMPLETED or FAILED
     * @throws RewrapAlreadyRunningException if a job runs on any node
     */
    public RewrapProgress run(RewrapListener listener) {
        try (RewrapLock.Held held = claim()) {
            newJob().run(begin(), listener);
        }
        return progress();
    }

    /** The live counts by version and the record of the last run. */
    public RewrapProgress progress() {
        Map<String, Long> byVersion = dataKeys.countByKeyEncryptionKey();
        Map<String, Long> retired = dataKeys.countOnRetiredVersions();
        long total = byVersion.values().stream().mapToLong(Long::longValue).sum();
        long remaining = total - byVersion.getOrDefault(keyRing.activeKeyId(), 0L);
        return records.latest()
                .map(job -> {
                    boolean abandoned = job.rewrapState() == RewrapState.RUNNING && !lock.isHeld();
                    return new RewrapProgress(abandoned ? RewrapState.FAILED : job.rewrapState(), keyRing.activeKeyId(),
                            total, remaining, byVersion, retired, job.jobId(), job.node(), job.moved(), job.failed(),
                            records.failures(job.jobId(), FAILURES_SHOWN), job.startedAt().toInstant(),
                            job.finishedAt() == null ? null : job.finishedAt().toInstant(),
                            abandoned ? ABANDONED : job.lastError());
                })
                .orElseGet(() -> new RewrapProgress(RewrapState.IDLE, keyRing.activeKeyId(), total, remaining, byVersion,
                        retired, null, null, 0, 0, List.of(), null, null, null));
    }

    private RewrapLock.Held claim() {
        return lock.tryAcquire().orElseThrow(() -> new RewrapAlreadyRunningException(progress()));
    }

    /** Records the new run; under the lock, so any run still marked RUNNING is known to be dead. */
    private String begin() {
        String jobId = "rewrap-" + UUID.randomUUID();
        Map<String, Long> byVersion = dataKeys.countByKeyEncryptionKey();
        long total = byVersion.values().stream().mapToLong(Long::longValue).sum();
        long remaining = total - byVersion.getOrDefault(keyRing.activeKeyId(), 0L);
        transactions.executeWithoutResult(status -> {
            int abandoned = records.abandonRunning(ABANDONED, clock.instant());
            if (abandoned > 0) {
                log.warn("Key rotation: {} earlier run(s) were abandoned by a stopped process; this run resumes their work", abandoned);
            }
            records.begin(jobId, keyRing.activeKeyId(), node, clock.instant(), total, remaining);
        });
        log.info("Key rotation {} started on {}: rewrapping {} of {} data keys onto key-encryption key {}; keys by version {}",
                jobId, node, remaining, total, keyRing.activeKeyId(), byVersion);
        return jobId;
    }

    private RewrapJob newJob() {
        return new RewrapJob(dataKeys, records, transactions, clock, batchSize, keyRing.activeKeyId());
    }
}
