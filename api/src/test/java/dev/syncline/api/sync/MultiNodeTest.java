package dev.syncline.api.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.StandaloneApplication;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorConfig;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.ValidAccessToken;
import dev.syncline.sagas.schedule.ScheduledSyncStarter;
import dev.syncline.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.axonframework.eventhandling.Segment;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Two instances of Syncline on one PostgreSQL, as two machines behind a load balancer would run: either
 * serves any user, they split the event processors' segments and process each event once, a refresh storm
 * on both makes one provider call, and when the node fetching a sync stops, the other finishes it. The last
 * test stops a node, so the order is fixed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiNodeTest {

    private static final String NODE_A = "node-a";
    private static final String NODE_B = "node-b";
    private static final int SEGMENTS = 16;
    private static final String SAGA_PROCESSOR = "SyncSagaProcessor";
    private static final Duration TAKE_OVER = Duration.ofSeconds(60);
    /** The events dev.syncline.query.audit.AccountAuditProjection turns into one timeline entry each. */
    private static final List<String> AUDITED_EVENTS = List.of("AccountConnectedEvent", "TokensIssuedEvent",
            "AccessTokenRefreshedEvent", "AccessTokenRefreshFailedEvent", "ReauthorizationRequiredEvent",
            "AccountReconnectedEvent", "GrantRevokedEvent", "AccountDisconnectedEvent", "SyncStartedEvent",
            "SyncResumedEvent", "MessagesFetchedEvent", "CalendarItemsFetchedEvent", "SyncThrottledEvent",
            "SyncPageFailedEvent", "SyncCursorExpiredEvent", "SyncPausedEvent", "SyncCompletedEvent", "SyncFailedEvent");

    private TestDatabase database;
    private EmulatorServer emulator;
    private Path dataDir;
    private JdbcClient jdbc;
    private final Map<String, ConfigurableApplicationContext> nodes = new HashMap<>();

    @BeforeAll
    void startTwoNodesOnOneDatabase() throws IOException {
        database = TestDatabase.create("multi-node");
        emulator = EmulatorServer.start(EmulatorConfig.forTests());
        // One data directory: both nodes read the development key ring and JWT keys the first one generated.
        dataDir = Files.createTempDirectory("multi-node");
        nodes.put(NODE_A, StandaloneApplication.start(database, dataDir, emulator, settings(NODE_A)));
        nodes.put(NODE_B, StandaloneApplication.start(database, dataDir, emulator, settings(NODE_B)));
        jdbc = JdbcClient.create(new DriverManagerDataSource(database.url(), database.user(), database.password()));
    }

    @AfterAll
    void stopEverything() {
        nodes.values().forEach(ConfigurableApplicationContext::close);
        emulator.close();
        database.drop();
    }

    @Test
    @Order(1)
    void aUserSignedInOnOneNodeIsServedByTheOther() {
        ApiClient onA = Users.registerAndLogIn(api(NODE_A), "two-nodes");
        ApiClient onB = api(NODE_B).as(onA.bearer());

        ApiClient.Response accounts = onB.get("/api/v1/accounts");
        assertThat(accounts.status()).as(accounts.toString()).isEqualTo(200);
        assertThat(api(NODE_B).get("/api/v1/accounts").status()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void theNodesSplitEveryProcessorsSegmentsAndSyncEachMailboxOnce() {
        await().atMost(TAKE_OVER).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Map<String, Integer>> owners = segmentOwners();
            assertThat(owners).containsKeys("synced-messages", "token-audit", "accounts", SAGA_PROCESSOR);
            owners.forEach((processor, segmentsPerOwner) -> assertThat(segmentsPerOwner).as(processor)
                    .isEqualTo(Map.of(NODE_A, SEGMENTS / 2, NODE_B, SEGMENTS / 2)));
        });

        SyncedMailbox gmail = new SyncedMailbox(SyncedChannel.GMAIL, emulator, Users.registerAndLogIn(api(NODE_A), "gmail-on-a"))
                .seeded(400, 3, 10).connected();
        SyncedMailbox outlook = new SyncedMailbox(SyncedChannel.OUTLOOK_MAIL, emulator, Users.registerAndLogIn(api(NODE_B), "outlook-on-b"))
                .seeded(300, 3, 10).connected();
        gmail.syncScheduled(starter(NODE_A));
        outlook.syncScheduled(starter(NODE_B));
        gmail.channel(SyncedChannel.GOOGLE_CALENDAR).awaitExactMatch();
        outlook.channel(SyncedChannel.OUTLOOK_CALENDAR).awaitExactMatch();

        for (SyncedMailbox mailbox : List.of(gmail, outlook)) {
            assertThat(mailbox.syncline()).hasSize(mailbox.provider().size()).doesNotHaveDuplicates();
            assertThat(rows("SELECT count(*) FROM synced_messages WHERE account_id = :account", mailbox.accountId))
                    .isEqualTo(mailbox.provider().size());
            // One timeline entry per stored event of the account's tokens and syncs: none missing, none twice.
            await().atMost(TAKE_OVER).untilAsserted(() -> {
                long entries = rows("SELECT count(*) FROM account_audit WHERE account_id = :account", mailbox.accountId);
                assertThat(entries).isEqualTo(auditableEvents(mailbox.accountId)).isGreaterThan(3);
                assertThat(rows("SELECT count(DISTINCT position) FROM account_audit WHERE account_id = :account",
                        mailbox.accountId)).isEqualTo(entries);
            });
            assertThat(rows("SELECT coalesce(sum(items_done), 0) FROM sync_run WHERE account_id = :account AND channel = 'MAIL'",
                    mailbox.accountId)).isEqualTo(mailbox.provider().size());
        }
    }

    @Test
    @Order(3)
    void aRefreshStormOnBothNodesCallsTheProviderOnce() throws Exception {
        EmulatedProvider provider = EmulatedProvider.MICROSOFT;
        ApiClient user = Users.registerAndLogIn(api(NODE_A), "storm");
        String email = "storm-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        emulator.control().addUser(provider, email, "Storm");
        // Two minutes to live is inside the five-minute refresh buffer at once; nothing else refreshes it here
        // (the token and sync schedules are off in these nodes).
        emulator.control().setAccessTokenLifetime(provider, Duration.ofMinutes(2));
        String accountId;
        try {
            accountId = ConnectFlow.connect(user, "microsoft", email);
        } finally {
            emulator.control().setAccessTokenLifetime(provider, Duration.ofHours(1));
        }
        long refreshesBefore = emulator.control().tokenCalls(provider, "refresh_token");

        List<ValidAccessToken> tokens = concurrently(40, caller -> queries(caller % 2 == 0 ? NODE_A : NODE_B)
                .query(new FindValidAccessTokenQuery(accountId), ValidAccessToken.class).join());

        assertThat(emulator.control().tokenCalls(provider, "refresh_token") - refreshesBefore).isEqualTo(1);
        assertThat(tokens.stream().map(ValidAccessToken::accessToken).distinct()).hasSize(1);
        assertThat(tokens.get(0).expiresAt()).isAfter(Instant.now().plus(Duration.ofMinutes(30)));
    }

    @Test
    @Order(4)
    void whenTheNodeFetchingASyncStopsTheOtherFinishesIt() {
        int messages = 2_000;
        SyncedMailbox mailbox = new SyncedMailbox(SyncedChannel.GMAIL, emulator, Users.registerAndLogIn(api(NODE_A), "takeover"))
                .seeded(messages, 3, 5).latency(Duration.ofMillis(8)).connected();
        String syncId = mailbox.syncStarted(starter(NODE_A));
        JsonNode run = await().atMost(TAKE_OVER).until(() -> run(mailbox.user, mailbox.accountId, syncId),
                json -> json.path("pages").asInt() >= 2);
        assertThat(run.path("state").asText()).isEqualTo("RUNNING");

        String fetching = nodeRunningTheSagaOf(syncId);
        String survivor = fetching.equals(NODE_A) ? NODE_B : NODE_A;
        nodes.remove(fetching).close();

        ApiClient sameUser = api(survivor).as(mailbox.user.bearer());
        JsonNode finished = await().atMost(SyncedMailbox.SYNC_WAIT).until(() -> run(sameUser, mailbox.accountId, syncId),
                json -> json.path("state").asText().equals("COMPLETED"));
        assertThat(finished.path("pages").asInt()).isGreaterThan(run.path("pages").asInt());
        assertThat(finished.path("itemsDone").asLong()).isEqualTo(messages);
        SyncedMailbox onSurvivor = mailbox.withUser(sameUser);
        onSurvivor.awaitExactMatch();
        assertThat(onSurvivor.syncline()).hasSize(messages).doesNotHaveDuplicates();
        assertThat(segmentOwners().get(SAGA_PROCESSOR)).isEqualTo(Map.of(survivor, SEGMENTS));
    }

    private String[] settings(String nodeId) {
        return new String[]{
                "--syncline.cluster.node-id=" + nodeId,
                "--syncline.cluster.heartbeat-interval=500ms",
                "--syncline.cluster.node-timeout=5s",
                "--SYNCLINE_TOKEN_CLAIM_INTERVAL_MS=500",
                // Syncs start when a test asks a node's schedule, and no timer refreshes tokens behind its back.
                "--syncline.sync.schedule-poll-interval=1h",
                "--syncline.tokens.schedule-poll-interval=1h",
                // The node that takes over notices the lost fetch when its watchdog fires; a page of 500 takes about 5 s.
                "--syncline.sync.page-timeout=4s",
                "--syncline.deadlines.poll-interval=250ms",
                "--syncline.rate-limits.enabled=false"};
    }

    private ApiClient api(String node) {
        return StandaloneApplication.api(nodes.get(node));
    }

    private ScheduledSyncStarter starter(String node) {
        return nodes.get(node).getBean(ScheduledSyncStarter.class);
    }

    private QueryGateway queries(String node) {
        return nodes.get(node).getBean(QueryGateway.class);
    }

    /** Per processor, how many segments each node holds. */
    private Map<String, Map<String, Integer>> segmentOwners() {
        Map<String, Map<String, Integer>> owners = new HashMap<>();
        jdbc.sql("SELECT processorname, coalesce(owner, 'nobody') AS owner, count(*) AS segments FROM tokenentry GROUP BY 1, 2")
                .query((row, number) -> owners.computeIfAbsent(row.getString("processorname"), name -> new HashMap<>())
                        .put(row.getString("owner"), row.getInt("segments")))
                .list();
        return owners;
    }

    /**
     * The node whose saga processor holds the segment of this sync's saga, and so fetches its pages: Axon
     * creates a saga with an identifier that falls in the creating segment, and routes its events by it.
     */
    private String nodeRunningTheSagaOf(String syncId) {
        String sagaId = jdbc.sql("SELECT sagaid FROM associationvalueentry WHERE associationkey = 'syncId' AND associationvalue = :sync")
                .param("sync", syncId).query(String.class).single();
        Map<Integer, String> ownerBySegment = new HashMap<>();
        jdbc.sql("SELECT segment, owner FROM tokenentry WHERE processorname = :processor").param("processor", SAGA_PROCESSOR)
                .query((row, number) -> ownerBySegment.put(row.getInt("segment"), row.getString("owner")))
                .list();
        for (Segment segment : Segment.computeSegments(ownerBySegment.keySet().stream().mapToInt(Integer::intValue).toArray())) {
            if (segment.matches(sagaId)) {
                return ownerBySegment.get(segment.getSegmentId());
            }
        }
        throw new AssertionError("no segment of " + SAGA_PROCESSOR + " matches saga " + sagaId);
    }

    /** The events in the store, of the kinds the audit timeline records, that name the account. */
    private long auditableEvents(String accountId) {
        return jdbc.sql("""
                        SELECT count(*) FROM domainevententry
                        WHERE substring(payloadtype from '[^.]+$') IN (:types)
                          AND position(:needle in convert_from(payload, 'UTF8')) > 0""")
                .param("types", AUDITED_EVENTS)
                .param("needle", "\"accountId\":\"" + accountId + "\"")
                .query(Long.class).single();
    }

    private long rows(String sql, String accountId) {
        return jdbc.sql(sql).param("account", accountId).query(Long.class).single();
    }

    private static JsonNode run(ApiClient user, String accountId, String syncId) {
        ApiClient.Response run = user.get("/api/v1/accounts/" + accountId + "/syncs/" + syncId);
        assertThat(run.status()).as(run.toString()).isIn(200, 404);
        return run.status() == 200 ? run.json() : user.get("/api/v1/accounts/" + accountId).json().path("missing");
    }

    private static <T> List<T> concurrently(int callers, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<T>> futures = new ArrayList<>();
            for (int caller = 0; caller < callers; caller++) {
                int number = caller;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                    return call.apply(number);
                }, pool));
            }
            start.countDown();
            return futures.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdownNow();
        }
    }
}
