package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.gmail.GmailEmulator;
import dev.syncline.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stop the application in the middle of an initial sync and start it again: the same sync continues from
 * the last page it committed (the page that was in flight is read again, none before it), and ends with
 * exactly the provider's mail, each message once.
 */
class SyncCrashTest {

    private static final int MESSAGES = 3_000;
    private static final Duration SLOW_PROVIDER = Duration.ofMillis(8);
    private static final String[] SETTINGS = {
            "--syncline.sync.schedule-poll-interval=200ms",
            // After the restart the lost fetch is noticed when its watchdog fires; a page of 500 takes about 5 s here.
            "--syncline.sync.page-timeout=4s",
            "--syncline.deadlines.poll-interval=250ms"};

    private TestDatabase database;
    private EmulatorServer emulator;

    @TempDir
    Path dataDir;

    @BeforeEach
    void startDatabaseAndProvider() {
        database = TestDatabase.create("sync-crash");
        emulator = EmulatorServer.start(EmulatorConfig.forTests());
    }

    @AfterEach
    void stopDatabaseAndProvider() {
        emulator.close();
        database.drop();
    }

    @Test
    void anInitialSyncStoppedMidwayCompletesFromItsLastCommittedPageAfterARestart() {
        SyncedMailbox mailbox;
        String syncId;
        int pagesBeforeTheStop;
        try (ConfigurableApplicationContext first = StandaloneApplication.start(database, dataDir, emulator, SETTINGS)) {
            mailbox = new SyncedMailbox(SyncedChannel.GMAIL, emulator, Users.registerAndLogIn(StandaloneApplication.api(first), "crash"))
                    .seeded(MESSAGES, 3, 5);
            ((GmailEmulator) emulator.control().mail(SyncedChannel.GMAIL.provider)).setLatency(mailbox.email, SLOW_PROVIDER);
            mailbox.connected();
            syncId = await().atMost(Duration.ofSeconds(60)).until(() -> mailSyncId(mailbox.user, mailbox.accountId), id -> id != null);
            JsonNode run = await().atMost(Duration.ofSeconds(120)).until(() -> run(mailbox.user, mailbox.accountId, syncId),
                    json -> json.path("pages").asInt() >= 2);
            assertThat(run.path("state").asText()).isEqualTo("RUNNING");
            pagesBeforeTheStop = run.path("pages").asInt();
        }

        try (ConfigurableApplicationContext second = StandaloneApplication.start(database, dataDir, emulator, SETTINGS)) {
            ApiClient sameUser = StandaloneApplication.api(second).as(mailbox.user.bearer());
            JsonNode run = await().atMost(SyncedMailbox.SYNC_WAIT).until(() -> run(sameUser, mailbox.accountId, syncId),
                    json -> json.path("state").asText().equals("COMPLETED"));

            assertThat(run.path("pages").asInt()).isGreaterThan(pagesBeforeTheStop);
            // Each committed page counted once: a sync that started over would have counted the first pages twice.
            assertThat(run.path("itemsDone").asLong()).isEqualTo(MESSAGES);
            SyncedMailbox afterRestart = mailbox.withUser(sameUser);
            afterRestart.awaitExactMatch();
            assertThat(afterRestart.syncline()).hasSize(MESSAGES).doesNotHaveDuplicates();
        }
    }

    private static String mailSyncId(ApiClient user, String accountId) {
        ApiClient.Response status = user.get("/api/v1/accounts/" + accountId + "/sync-status");
        if (status.status() != 200) {
            return null;
        }
        for (JsonNode channel : status.json()) {
            if (channel.path("channel").asText().equalsIgnoreCase("mail") && channel.hasNonNull("syncId")) {
                return channel.path("syncId").asText();
            }
        }
        return null;
    }

    private static JsonNode run(ApiClient user, String accountId, String syncId) {
        ApiClient.Response run = user.get("/api/v1/accounts/" + accountId + "/syncs/" + syncId);
        assertThat(run.status()).as(run.toString()).isIn(200, 404);
        return run.status() == 200 ? run.json() : user.get("/api/v1/accounts/" + accountId).json().path("missing");
    }
}
