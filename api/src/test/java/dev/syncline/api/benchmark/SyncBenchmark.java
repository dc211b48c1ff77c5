package dev.syncline.api.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.testing.TestDatabase;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Syncs generated Gmail mailboxes from an emulator in its own JVM and prints, per size, messages per second
 * and the peak heap Syncline used while syncing; then, with Gmail's quota on (250 units per user per second,
 * 5 per messages.get), a 10,000-message sync against the bound the quota sets (200 s). Run with
 * {@code bin/benchmark}. Figures, never assertions: the machine decides them.
 */
public final class SyncBenchmark {

    private static final int QUOTA_RUN_SIZE = 10_000;
    private static final double GMAIL_GETS_PER_SECOND = 250.0 / 5;

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>(List.of(10_000, 100_000));
        boolean quotaRun = true;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--sizes")) {
                sizes = List.of(args[++i].split(",")).stream().map(Integer::parseInt).toList();
            } else if (args[i].equals("--no-quota-run")) {
                quotaRun = false;
            }
        }
        Path root = Files.exists(Path.of("emulator")) ? Path.of(".") : Path.of("..");
        TestDatabase database = TestDatabase.create("benchmark");
        Path dataDir = Files.createTempDirectory("syncline-benchmark");
        List<String> report = new ArrayList<>();
        try (EmulatorProcess emulator = EmulatorProcess.start(root)) {
            // Quotas off on both sides: the emulator does not throttle, the adapter does not pace.
            try (ConfigurableApplicationContext app = start(database, dataDir, emulator, "1000000000")) {
                ApiClient api = StandaloneApplication.api(app);
                for (int size : sizes) {
                    Run run = sync(api, emulator, size, false);
                    report.add(String.format(Locale.ROOT, "%,9d messages, quotas off: %6.1f s, %,6.0f messages/s, peak heap"
                                    + " %,5d MiB used, %,5d MiB live after GC, %,4d MiB retained after (limit %,d MiB)", size,
                            run.seconds(), size / run.seconds(), run.peakHeapMiB(), run.peakLiveHeapMiB(), run.retainedHeapMiB(),
                            Runtime.getRuntime().maxMemory() / (1024 * 1024)));
                    System.out.println(report.get(report.size() - 1));
                }
            }
            if (quotaRun) {
                emulator.call("PUT", "/_emulator/google/mail/throttling", "{\"enabled\":true}");
                try (ConfigurableApplicationContext app = start(database, dataDir, emulator, "250")) {
                    Run run = sync(StandaloneApplication.api(app), emulator, QUOTA_RUN_SIZE, true);
                double bound = QUOTA_RUN_SIZE / GMAIL_GETS_PER_SECOND;
                    report.add(String.format(Locale.ROOT, "%,9d messages, Gmail quota on: %6.1f s against the quota's bound of"
                            + " %.0f s (ratio %.2f), peak heap %,d MiB used, %,d MiB live after GC", QUOTA_RUN_SIZE, run.seconds(),
                            bound, run.seconds() / bound, run.peakHeapMiB(), run.peakLiveHeapMiB()));
                    System.out.println(report.get(report.size() - 1));
                }
            }
        } finally {
            database.drop();
        }
        System.out.println();
        System.out.println("Syncline sync benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + Runtime.version() + ")");
        report.forEach(System.out::println);
        System.exit(0);
    }

    private static ConfigurableApplicationContext start(TestDatabase database, Path dataDir, EmulatorProcess emulator,
                                                        String gmailUnitsPerSecond) {
        return StandaloneApplication.start(database, dataDir, emulator.baseUrl(), EmulatorConfig.defaults(),
                "--syncline.sync.schedule-poll-interval=200ms", "--syncline.provider-apis.gmail-units-per-second="
                        + gmailUnitsPerSecond, "--logging.level.root=WARN", "--logging.level.dev.syncline=WARN");
    }

    /** Seeds a mailbox of {@code size} messages, connects it, and times the initial sync of its mail. */
    private static Run sync(ApiClient api, EmulatorProcess emulator, int size, boolean quota) throws Exception {
        String email = "bench-" + size + (quota ? "-quota" : "") + "@gmail.example";
        emulator.call("POST", "/_emulator/google/users", "{\"email\":\"" + email + "\",\"name\":\"Bench\"}");
        emulator.call("POST", "/_emulator/google/mailboxes/" + email + "/mail/seed",
                "{\"seed\":" + size + ",\"messages\":" + size + ",\"folders\":8}");
        ApiClient user = Users.registerAndLogIn(api, "bench");
        System.gc();
        HeapSampler heap = HeapSampler.start();
        long started = System.nanoTime();
        String accountId = ConnectFlow.connect(user, "google", email);
        awaitMailSynced(user, accountId);
        return heap.stop((System.nanoTime() - started) / 1e9);
    }

    private static void awaitMailSynced(ApiClient user, String accountId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofHours(2).toNanos();
        while (System.nanoTime() < deadline) {
            ApiClient.Response status = user.get("/api/v1/accounts/" + accountId + "/sync-status");
            if (status.status() == 200) {
                for (JsonNode channel : status.json()) {
                    if (channel.path("channel").asText().equalsIgnoreCase("mail")) {
                        String stage = channel.path("stage").asText();
                        if (stage.equals("IDLE")) {
                            return;
                        }
                        if (stage.equals("FAILED") || stage.equals("PAUSED")) {
                            throw new IllegalStateException("The sync ended " + stage + ": " + channel.path("lastError").asText());
                        }
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("The sync did not finish within two hours");
    }

    private record Run(double seconds, long peakHeapMiB, long peakLiveHeapMiB, long retainedHeapMiB) {
    }

    /**
     * Samples every 20 ms on a daemon thread: the used heap (garbage included, so it depends on when the
     * collector runs) and the live heap, what the heap pools held right after their last collection.
     */
    private static final class HeapSampler {

        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong peakLive = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        private HeapSampler() {
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null).toList();
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    peakLive.accumulateAndGet(heapPools.stream().mapToLong(pool -> pool.getCollectionUsage().getUsed()).sum(),
                            Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
        }

        static HeapSampler start() {
            HeapSampler sampler = new HeapSampler();
            sampler.thread.start();
            return sampler;
        }

        Run stop(double seconds) throws InterruptedException {
            running = false;
            thread.join();
            System.gc();
            long retained = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            return new Run(seconds, peak.get() / (1024 * 1024), peakLive.get() / (1024 * 1024), retained / (1024 * 1024));
        }
    }
}
