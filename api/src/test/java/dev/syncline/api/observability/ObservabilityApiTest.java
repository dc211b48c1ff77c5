package dev.syncline.api.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.spi.ILoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.security.JwtService;
import dev.syncline.api.testing.Admins;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.DebugLogs;
import dev.syncline.api.testing.Users;
import dev.syncline.command.vault.CredentialVault;
import dev.syncline.command.vault.VaultTokens;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Health, readiness, Prometheus meters, the processors overview and the trace ids in the logs, over HTTP. */
class ObservabilityApiTest extends ApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired
    JwtService jwtService;

    @Autowired
    ProcessorStatuses statuses;

    @Autowired
    CredentialVault vault;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    MeterRegistry meters;

    @Test
    void healthShowsEveryProcessorAndDeadLetterQueueWithDetailsForAdministrators() {
        JsonNode health = admin().get("/actuator/health").json().path("components");

        assertThat(health.path("eventProcessors").path("status").asText()).isEqualTo("UP");
        for (String group : statuses.groups()) {
            JsonNode processor = health.path("eventProcessors").path("details").path(group);
            assertThat(processor.path("running").asBoolean()).as(group).isTrue();
            assertThat(processor.has("lag")).as(group).isTrue();
            assertThat(processor.has("claimedSegments")).as(group).isTrue();
        }
        assertThat(health.path("deadLetterQueue").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("deadLetterQueue").path("details").path("sync-status").path("letters").isNumber()).isTrue();
        assertThat(health.path("deadLetterQueue").path("details").has("session-registry"))
                .as("a subscribing processor has no dead-letter queue").isFalse();
    }

    @Test
    void anonymousCallersSeeEachComponentsStatusButNoDetails() {
        JsonNode health = api().get("/actuator/health").json().path("components");

        assertThat(health.path("eventProcessors").path("status").asText()).isEqualTo("UP");
        assertThat(health.path("eventProcessors").has("details")).isFalse();
        assertThat(health.path("deadLetterQueue").has("details")).isFalse();
    }

    @Test
    void readinessIsUpOnceEveryProcessorRuns() {
        await().atMost(WAIT).untilAsserted(() -> {
            ApiClient.Response readiness = api().get("/actuator/health/readiness");
            assertThat(readiness.status()).as(readiness.toString()).isEqualTo(200);
            assertThat(readiness.json().path("components").path("processors").path("status").asText()).isEqualTo("UP");
            assertThat(readiness.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
        });
    }

    @Test
    void prometheusShowsTheMetersAndNoProviderToken() throws Exception {
        ApiClient user = Users.registerAndLogIn(api(), "metrics");
        String account = ConnectFlow.connect(user, "google", "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        // The account is the caller's once the accounts read model shows it.
        await().atMost(WAIT).until(() -> user.post("/api/v1/accounts/" + account + "/token/refresh", null).status() == 200);
        assertThat(user.post("/api/v1/accounts/" + account + "/syncs", ApiClient.body("channel", "mail")).status()).isEqualTo(202);
        assertThat(user.post("/api/v1/accounts/" + account + "/syncs", ApiClient.body("channel", "calendar")).status()).isEqualTo(202);
        String outlook = ConnectFlow.connect(user, "microsoft", "metrics-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test");
        await().atMost(WAIT).until(() -> user.post("/api/v1/accounts/" + outlook + "/syncs", ApiClient.body("channel", "mail")).status() == 202);
        VaultTokens tokens = vault.load(vault.findAccount(account).orElseThrow().key()).orElseThrow();
        VaultTokens outlookTokens = vault.load(vault.findAccount(outlook).orElseThrow().key()).orElseThrow();

        String scrape = await().atMost(WAIT).until(this::prometheus, text -> text.contains("syncline_token_refreshes_total{")
                && text.contains("api=\"gmail\"") && text.contains("api=\"calendar\"") && text.contains("api=\"graph\""));

        assertThat(scrape).contains("syncline_token_refreshes_total{outcome=\"refreshed\",provider=\"google\"}");
        assertThat(scrape).contains("syncline_provider_calls_total{api=\"token\",outcome=\"success\",provider=\"google\",status=\"200\"}");
        assertThat(scrape).contains("syncline_provider_calls_total{api=\"userinfo\",outcome=\"success\",provider=\"google\",status=\"200\"}");
        assertThat(scrape).containsPattern("syncline_provider_calls_total\\{api=\"gmail\",outcome=\"success\",provider=\"google\",status=\"200\"\\} [1-9]");
        assertThat(scrape).contains("syncline_provider_calls_total{api=\"token\",outcome=\"success\",provider=\"microsoft\",status=\"200\"}");
        assertThat(scrape).containsPattern("syncline_provider_calls_total\\{api=\"graph\",outcome=\"success\",provider=\"microsoft\",status=\"200\"\\} [1-9]");
        assertThat(scrape).contains("syncline_sync_items_total{kind=\"messages\"}", "syncline_sync_items_total{kind=\"calendar_items\"}");
        assertThat(scrape).contains("syncline_processor_lag{group=\"sync-status\"}");
        assertThat(scrape).contains("syncline_messages_handled_seconds_count{group=\"none\",kind=\"command\"");
        assertThat(scrape).contains("syncline_events_published_total{type=\"AccountConnectedEvent\"}");
        assertThat(scrape).contains("syncline_messages_handled_seconds_count{group=\"accounts\",kind=\"event\"");
        assertThat(scrape).doesNotContain(tokens.accessToken(), tokens.refreshToken(), account,
                outlookTokens.accessToken(), outlookTokens.refreshToken(), outlook);
    }

    @Test
    void syncedItemsAreCountedByKind() {
        String email = "items-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Counted Items");
        GeneratedMailbox mailbox = MailboxGenerator.generate(new MailboxSpec(email.hashCode(), 7, 1, 4, Instant.now()), email);
        emulator.control().mail(EmulatedProvider.GOOGLE).seed(email, mailbox);
        emulator.control().calendar(EmulatedProvider.GOOGLE).seed(email, mailbox.calendarItems());
        ApiClient user = Users.registerAndLogIn(api(), "items");
        String account = ConnectFlow.connect(user, "google", email);
        double messagesBefore = syncedItems("messages");
        double calendarItemsBefore = syncedItems("calendar_items");

        await().atMost(WAIT).until(() -> user.post("/api/v1/accounts/" + account + "/syncs", ApiClient.body("channel", "mail")).status() == 202);
        assertThat(user.post("/api/v1/accounts/" + account + "/syncs", ApiClient.body("channel", "calendar")).status()).isEqualTo(202);

        // Other tests sync at the same time: at least this mailbox's items are added. Every message counts; of the
        // calendar items, those the generator cancelled do not (a full sync of a Google calendar does not list them),
        // and the seed, from a random email, decides how many that is.
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(syncedItems("messages") - messagesBefore).isGreaterThanOrEqualTo(7);
            assertThat(syncedItems("calendar_items") - calendarItemsBefore).isPositive();
        });
    }

    @Test
    void theProcessorsOverviewListsEveryGroupWithItsSegmentsCaughtUp() {
        ApiClient admin = admin();

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode processors = admin.get("/api/v1/admin/processors").json().path("processors");
            List<String> names = StreamSupport.stream(processors.spliterator(), false).map(p -> p.path("name").asText()).toList();
            assertThat(names).containsExactlyElementsOf(statuses.groups());
            for (JsonNode processor : processors) {
                String name = processor.toString();
                assertThat(processor.path("running").asBoolean()).as(name).isTrue();
                assertThat(processor.path("error").asBoolean()).as(name).isFalse();
                assertThat(processor.path("lag").asLong()).as(name).isZero();
                if (processor.path("mode").asText().equals("subscribing")) {
                    continue;
                }
                assertThat(processor.path("segments")).as(name).isNotEmpty();
                for (JsonNode segment : processor.path("segments")) {
                    assertThat(segment.path("claimedHere").asBoolean()).as(name).isTrue();
                    assertThat(segment.path("owner").asText()).as(name).isNotBlank();
                    assertThat(segment.path("lag").asLong()).as(name).isZero();
                    assertThat(segment.path("fraction").asDouble()).as(name).isPositive();
                }
                if (!processor.path("name").asText().equals("SyncSagaProcessor")) {
                    assertThat(processor.path("deadLetters").isNumber()).as("a projection has a dead-letter queue: " + name).isTrue();
                }
            }
        });
    }

    @Test
    void onlyAdministratorsSeeTheProcessors() {
        ApiClient.Response answer = Users.registerAndLogIn(api(), "plain").get("/api/v1/admin/processors");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(403);
        assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aCommandHandlerLogsWithTheTraceIdOfTheRequestThatSentIt() {
        String email = "trace-" + UUID.randomUUID().toString().substring(0, 8) + "@syncline.test";
        assertThat(api().post("/api/v1/auth/register", ApiClient.body("email", email, "password", Users.PASSWORD)).status())
                .isEqualTo(201);
        DebugLogs logs = DebugLogs.capture(List.of(MessageIdsInLogs.class.getName()));
        List<ILoggingEvent> commandLines = new ArrayList<>();
        String requestId;
        try {
            // Logging in sends the command that opens the session.
            ApiClient.Response login = api().post("/api/v1/auth/login", ApiClient.body("email", email, "password", Users.PASSWORD));
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            requestId = login.header(RequestIds.HEADER);
            logs.events().stream().filter(event -> event.getFormattedMessage().startsWith("Handling command")).forEach(commandLines::add);
        } finally {
            logs.stop();
        }

        assertThat(requestId).isNotBlank();
        assertThat(commandLines).isNotEmpty()
                .anySatisfy(line -> assertThat(line.getMDCPropertyMap()).containsEntry(MessageIdsInLogs.TRACE_ID, requestId));
    }

    private double syncedItems(String kind) {
        return meters.get("syncline.sync.items").tag("kind", kind).counter().count();
    }

    private ApiClient admin() {
        return Admins.admin(api(), jwtService, "observer");
    }

    private String prometheus() throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
