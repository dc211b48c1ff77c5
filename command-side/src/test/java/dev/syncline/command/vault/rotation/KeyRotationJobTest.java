package dev.syncline.command.vault.rotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.AesGcm;
import dev.syncline.command.vault.ContentSealer;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.command.vault.KeyRing;
import dev.syncline.command.vault.UnknownKeyException;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** The rewrap job against a real PostgreSQL database: moves, resumes after a crash, runs once, fails loudly. */
class KeyRotationJobTest {

    private static final String WORKSPACE = "workspace-1";
    private static final String PURPOSE = "message-body";
    private static final int BATCH = 10;
    private static final int ACCOUNTS = 45;

    private static TestDatabase database;
    private static DriverManagerDataSource dataSource;

    private final KeyRing firstRing = KeyRing.generate();
    private final KeyRing rotatedRing = firstRing.rotate();
    private final KeyRing withoutFirstVersion = new KeyRing(Map.of("k2", rotatedRing.key("k2")), "k2",
            rotatedRing.fingerprintKey());
    private final Map<AccountKey, byte[]> sealedContent = new LinkedHashMap<>();

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create("KeyRotationJobTest");
        dataSource = new DriverManagerDataSource(database.url(), database.user(), database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    @AfterAll
    static void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTables() {
        JdbcClient.create(dataSource).sql("TRUNCATE credential_vault, vault_data_key, vault_rewrap_job, vault_rewrap_failure").update();
    }

    @Test
    void progressBeforeAnyRunIsIdleWithTheCountsByVersion() {
        storeAccounts(firstRing, 3);

        RewrapProgress progress = rotation(rotatedRing).progress();

        assertThat(progress.state()).isEqualTo(RewrapState.IDLE);
        assertThat(progress.activeKeyId()).isEqualTo("k2");
        assertThat(progress.keysByVersion()).isEqualTo(Map.of("k1", 3L));
        assertThat(progress.total()).isEqualTo(3);
        assertThat(progress.remaining()).isEqualTo(3);
        assertThat(progress.retiredVersions()).isEmpty();
    }

    @Test
    void theJobMovesEveryDataKeyAndASecondRunMovesNone() {
        storeAccounts(firstRing, ACCOUNTS);
        List<Long> movedAfterEachBatch = new ArrayList<>();

        RewrapProgress first = rotation(rotatedRing).run((moved, failed, remaining) -> movedAfterEachBatch.add(moved));
        RewrapProgress second = rotation(rotatedRing).run(RewrapListener.NONE);

        assertThat(first.state()).isEqualTo(RewrapState.COMPLETED);
        assertThat(first.moved()).isEqualTo(ACCOUNTS);
        assertThat(first.failed()).isZero();
        assertThat(first.startedAt()).isNotNull();
        assertThat(first.finishedAt()).isNotNull();
        assertThat(movedAfterEachBatch).containsExactly(10L, 20L, 30L, 40L, 45L);
        assertThat(second.state()).isEqualTo(RewrapState.COMPLETED);
        assertThat(second.moved()).isZero();
        assertThat(second.keysByVersion()).isEqualTo(Map.of("k2", (long) ACCOUNTS));
        assertThat(second.remaining()).isZero();
        assertEveryAccountOpens(withoutFirstVersion);
    }

    @Test
    void aRunThatCrashesIsReportedAbandonedAndTheNextRunFinishesWithoutASingleDecryptFailure() throws Exception {
        storeAccounts(firstRing, ACCOUNTS);
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        List<Throwable> readFailures = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            // Reads go on, on the new key ring, for the whole rotation: before, during and after the crash.
            while (reading.get() || reads.get() < ACCOUNTS) {
                try {
                    assertEveryAccountOpens(rotatedRing);
                    reads.addAndGet(ACCOUNTS);
                } catch (Throwable failure) {
                    readFailures.add(failure);
                }
            }
        });
        AtomicInteger batches = new AtomicInteger();

        assertThatThrownBy(() -> rotation(rotatedRing).run((moved, failed, remaining) -> {
            if (batches.incrementAndGet() == 2) {
                throw new SimulatedCrash();
            }
        })).isInstanceOf(SimulatedCrash.class);
        RewrapProgress abandoned = rotation(rotatedRing).progress();
        RewrapProgress resumed = rotation(rotatedRing).run(RewrapListener.NONE);
        reading.set(false);
        reader.get(60, TimeUnit.SECONDS);

        assertThat(abandoned.state()).isEqualTo(RewrapState.FAILED);
        assertThat(abandoned.lastError()).startsWith("Abandoned");
        assertThat(abandoned.moved()).isEqualTo(2 * BATCH);
        assertThat(abandoned.remaining()).isEqualTo(ACCOUNTS - 2 * BATCH);
        assertThat(resumed.state()).isEqualTo(RewrapState.COMPLETED);
        assertThat(resumed.moved()).isEqualTo(ACCOUNTS - 2 * BATCH);
        assertThat(resumed.keysByVersion()).isEqualTo(Map.of("k2", (long) ACCOUNTS));
        assertThat(readFailures).isEmpty();
        assertThat(reads.get()).isGreaterThanOrEqualTo(ACCOUNTS);
        assertThat(jobStates()).containsExactlyInAnyOrder("FAILED", "COMPLETED");
        assertEveryAccountOpens(withoutFirstVersion);
    }

    @Test
    void aSecondJobIsRefusedWhileTheFirstRuns() throws Exception {
        storeAccounts(firstRing, 2 * BATCH);
        CountDownLatch firstBatchDone = new CountDownLatch(1);
        CountDownLatch mayContinue = new CountDownLatch(1);
        CompletableFuture<RewrapProgress> first = CompletableFuture.supplyAsync(() -> rotation(rotatedRing).run((moved, failed, remaining) -> {
            firstBatchDone.countDown();
            awaitQuietly(mayContinue);
        }));
        assertThat(firstBatchDone.await(60, TimeUnit.SECONDS)).isTrue();

        KeyRotation second = rotation(rotatedRing);
        assertThatThrownBy(() -> second.run(RewrapListener.NONE))
                .isInstanceOfSatisfying(RewrapAlreadyRunningException.class, refused -> {
                    assertThat(refused.progress().state()).isEqualTo(RewrapState.RUNNING);
                    assertThat(refused.progress().moved()).isEqualTo(BATCH);
                });
        assertThatThrownBy(second::start).isInstanceOf(RewrapAlreadyRunningException.class);
        mayContinue.countDown();

        assertThat(first.get(60, TimeUnit.SECONDS).state()).isEqualTo(RewrapState.COMPLETED);
        assertThat(jobStates()).containsExactly("COMPLETED");
    }

    @Test
    void startRunsTheJobInTheBackground() throws Exception {
        storeAccounts(firstRing, 3);
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            KeyRotation rotation = rotation(rotatedRing, background);

            RewrapProgress started = rotation.start();

            assertThat(started.state()).isIn(RewrapState.RUNNING, RewrapState.COMPLETED);
            await().atMost(Duration.ofSeconds(60)).until(() -> rotation.progress().state() == RewrapState.COMPLETED);
            assertThat(rotation.progress().moved()).isEqualTo(3);
        } finally {
            background.shutdownNow();
        }
    }

    @Test
    void aRunInterruptedBetweenBatchesEndsFailedAndTheNextRunResumes() {
        storeAccounts(firstRing, 2 * BATCH);

        RewrapProgress interrupted = rotation(rotatedRing).run((moved, failed, remaining) -> Thread.currentThread().interrupt());
        boolean wasInterrupted = Thread.interrupted();
        RewrapProgress resumed = rotation(rotatedRing).run(RewrapListener.NONE);

        assertThat(wasInterrupted).isTrue();
        assertThat(interrupted.state()).isEqualTo(RewrapState.FAILED);
        assertThat(interrupted.lastError()).contains("Interrupted");
        assertThat(interrupted.moved()).isEqualTo(BATCH);
        assertThat(resumed.state()).isEqualTo(RewrapState.COMPLETED);
        assertThat(resumed.moved()).isEqualTo(BATCH);
    }

    @Test
    void aVersionRetiredTooEarlyFailsReadsIsReportedAtStartUpAndFailsTheJobNamingTheAccounts() {
        storeAccounts(firstRing, 2);
        AccountKey current = new AccountKey(WORKSPACE, "account-current");
        vault(rotatedRing).store(current, "google", tokens(current));
        KeyRing retiredTooEarly = new KeyRing(Map.of("k2", rotatedRing.key("k2"), "k3", rotatedRing.rotate().key("k3")), "k3",
                rotatedRing.fingerprintKey());

        assertThatThrownBy(() -> vault(retiredTooEarly).load(account(0)))
                .isInstanceOf(UnknownKeyException.class)
                .hasMessageContaining("'k1'");
        assertThat(new RetiredKeyVersionsCheck(dataKeys(retiredTooEarly)).check()).isEqualTo(Map.of("k1", 2L));

        RewrapProgress progress = rotation(retiredTooEarly).run(RewrapListener.NONE);

        assertThat(progress.state()).isEqualTo(RewrapState.FAILED);
        assertThat(progress.moved()).isEqualTo(1);
        assertThat(progress.failed()).isEqualTo(2);
        assertThat(progress.retiredVersions()).isEqualTo(Map.of("k1", 2L));
        assertThat(progress.keysByVersion()).isEqualTo(Map.of("k1", 2L, "k3", 1L));
        assertThat(progress.failures()).extracting(RewrapFailure::accountId).containsExactly("account-0", "account-1");
        assertThat(progress.failures()).allSatisfy(failure -> {
            assertThat(failure.keyEncryptionKeyId()).isEqualTo("k1");
            assertThat(failure.reason()).contains("'k1'");
        });
        assertThat(progress.lastError()).contains("2 data key(s) could not be opened", "account-0", "account-1");
        String keyMaterial = Base64.getEncoder().encodeToString(firstRing.key("k1").getEncoded());
        assertThat(progress.toString()).doesNotContain(keyMaterial);
        assertThat(vault(retiredTooEarly).load(current)).contains(tokens(current));
    }

    private void storeAccounts(KeyRing ring, int count) {
        CredentialVault vault = vault(ring);
        ContentSealer sealer = new ContentSealer(dataKeys(ring), new AesGcm());
        for (int i = 0; i < count; i++) {
            AccountKey account = account(i);
            vault.store(account, "google", tokens(account));
            sealedContent.put(account, sealer.seal(account, PURPOSE, content(account)));
        }
    }

    private void assertEveryAccountOpens(KeyRing ring) {
        CredentialVault vault = vault(ring);
        ContentSealer sealer = new ContentSealer(dataKeys(ring), new AesGcm());
        sealedContent.forEach((account, sealed) -> {
            assertThat(vault.load(account)).contains(tokens(account));
            assertThat(sealer.open(account, PURPOSE, sealed)).isEqualTo(content(account));
        });
    }

    private static AccountKey account(int i) {
        return new AccountKey(WORKSPACE, "account-" + i);
    }

    private static VaultTokens tokens(AccountKey account) {
        return new VaultTokens("ya29.CANARY-" + account.accountId(), "1//0CANARY-" + account.accountId(),
                Instant.parse("2026-03-01T10:00:00Z"), Set.of("openid"));
    }

    private static byte[] content(AccountKey account) {
        return ("Hello " + account.accountId()).getBytes(StandardCharsets.UTF_8);
    }

    private static DataKeyStore dataKeys(KeyRing ring) {
        return new DataKeyStore(JdbcClient.create(dataSource), ring, new AesGcm());
    }

    private static CredentialVault vault(KeyRing ring) {
        return new CredentialVault(JdbcClient.create(dataSource), dataKeys(ring), new AesGcm());
    }

    private static KeyRotation rotation(KeyRing ring) {
        return rotation(ring, Runnable::run);
    }

    private static KeyRotation rotation(KeyRing ring, Executor background) {
        return new KeyRotation(dataKeys(ring), ring, new RewrapLock(dataSource), new RewrapJobRecords(JdbcClient.create(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), background, Clock.systemUTC(), BATCH);
    }

    private static List<String> jobStates() {
        return JdbcClient.create(dataSource).sql("SELECT state FROM vault_rewrap_job").query(String.class).list();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands for the process dying mid-run: an Error, which the job does not record, as a dead process would not. */
    private static final class SimulatedCrash extends Error {
    }
}
