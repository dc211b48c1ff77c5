package dev.syncline.api.mail;

import static dev.syncline.api.mail.SyncedContent.mailPage;
import static dev.syncline.api.mail.SyncedContent.ownerOf;
import static dev.syncline.api.mail.SyncedContent.unconnectedAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.api.testing.ApiIntegrationTest;
import dev.syncline.api.testing.ConnectFlow;
import dev.syncline.api.testing.Users;
import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.EmulatorServer;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.query.messages.SyncedMessagesProjection;
import dev.syncline.query.sequencing.AccountSequencingPolicy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import dev.syncline.command.sync.PageSealer;
import dev.syncline.command.vault.DataKeyStore;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code GET /api/v1/messages} and {@code GET /api/v1/messages/{id}} over HTTP, on mail that arrives as the
 * sync's events through the real event store and the {@code synced-messages} processor.
 */
class MessagesApiTest extends ApiIntegrationTest {

    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final EmailAddress BOB = new EmailAddress("Bob Sender", "bob@example.com");
    private static final EmailAddress CAROL = new EmailAddress("Carol", "carol@work.example");
    private static final EmailAddress NEWS = new EmailAddress("News", "news@letters.example");

    @Autowired
    EventGateway events;

    @Autowired
    PageSealer sealer;

    @Autowired
    DataKeyStore dataKeys;

    @Autowired
    EmulatorServer emulator;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void theCallersMessagesAreListedNewestFirstWithoutBodiesAndReadOneByOneWithTheirBody() {
        ApiClient user = Users.registerAndLogIn(api(), "mail-list");
        String account = unconnectedAccount();
        SyncedMessage report = new SyncedMessage("m-report", "t-1", null, List.of("INBOX", "IMPORTANT"), BOB,
                List.of(new EmailAddress("Me", "me@example.com")), List.of(CAROL), "Quarterly report", "Numbers inside",
                "The numbers are inside.", false, at(2), true, List.of(new AttachmentInfo("q1.pdf", "application/pdf", 2048)));
        events.publish(mailPage(sealing(), ownerOf(user), account, List.of(message("m-old", List.of("INBOX"), BOB, at(1), false), report)));

        JsonNode list = awaitItems(user, "/api/v1/messages", 2);

        assertThat(externalIds(list)).containsExactly("m-report", "m-old");
        JsonNode first = list.path("items").get(0);
        assertThat(first.path("accountId").asText()).isEqualTo(account);
        assertThat(first.path("threadId").asText()).isEqualTo("t-1");
        assertThat(first.path("labels").toString()).isEqualTo("[\"INBOX\",\"IMPORTANT\"]");
        assertThat(first.path("from").path("address").asText()).isEqualTo("bob@example.com");
        assertThat(first.path("from").path("name").asText()).isEqualTo("Bob Sender");
        assertThat(first.path("to").get(0).path("address").asText()).isEqualTo("me@example.com");
        assertThat(first.path("cc").get(0).path("address").asText()).isEqualTo("carol@work.example");
        assertThat(first.path("subject").asText()).isEqualTo("Quarterly report");
        assertThat(first.path("snippet").asText()).isEqualTo("Numbers inside");
        assertThat(Instant.parse(first.path("receivedAt").asText())).isEqualTo(at(2));
        assertThat(first.path("unread").asBoolean()).isTrue();
        assertThat(first.path("hasAttachments").asBoolean()).isTrue();
        assertThat(first.has("body")).isFalse();
        assertThat(list.has("nextPageToken")).isFalse();

        ApiClient.Response one = user.get("/api/v1/messages/" + first.path("id").asText());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        JsonNode message = one.json();
        assertThat(message.path("id").asText()).isEqualTo(SyncedMessagesProjection.idOf(account, "m-report").toString());
        assertThat(message.path("externalId").asText()).isEqualTo("m-report");
        assertThat(message.path("body").asText()).isEqualTo("The numbers are inside.");
        assertThat(message.path("bodyTruncated").asBoolean()).isFalse();
        assertThat(message.path("attachments").get(0).path("name").asText()).isEqualTo("q1.pdf");
        assertThat(message.path("attachments").get(0).path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(message.path("attachments").get(0).path("size").asLong()).isEqualTo(2048);
        assertThat(message.path("updatedAt").asText()).isNotBlank();
    }

    @Test
    void everyFilterNarrowsTheList() {
        ApiClient user = Users.registerAndLogIn(api(), "mail-filters");
        events.publish(mailPage(sealing(), ownerOf(user), unconnectedAccount(), List.of(
                message("a", List.of("INBOX"), BOB, at(1), true),
                message("b", List.of("INBOX", "Label_Work"), CAROL, at(2), false),
                new SyncedMessage("c", "t-c", "AAMkSent", List.of("Sent Items"), BOB, List.of(), List.of(), "c", "c", "c", false,
                        at(3), false, List.of()),
                message("d", List.of("SPAM"), NEWS, at(4), true))));
        awaitItems(user, "/api/v1/messages", 4);

        assertThat(externalIds(user, "folder=inbox")).containsExactly("b", "a");
        assertThat(externalIds(user, "folder=label_work")).containsExactly("b");
        assertThat(externalIds(user, "folder=aamksent")).containsExactly("c");
        assertThat(externalIds(user, "folder=" + encoded("sent items"))).containsExactly("c");
        assertThat(externalIds(user, "from=BOB")).containsExactly("c", "a");
        assertThat(externalIds(user, "from=" + encoded("bob sender"))).containsExactly("c", "a");
        assertThat(externalIds(user, "from=letters.example")).containsExactly("d");
        assertThat(externalIds(user, "after=" + at(2))).containsExactly("d", "c", "b");
        assertThat(externalIds(user, "before=" + at(2))).containsExactly("a");
        assertThat(externalIds(user, "after=" + at(2) + "&before=" + at(4))).containsExactly("c", "b");
        assertThat(externalIds(user, "after=" + encoded("2026-03-01T11:02:00+01:00"))).containsExactly("d", "c", "b");
        assertThat(externalIds(user, "unread=true")).containsExactly("d", "a");
        assertThat(externalIds(user, "unread=FALSE")).containsExactly("c", "b");
        assertThat(externalIds(user, "folder=INBOX&from=bob&unread=true")).containsExactly("a");
    }

    @Test
    void pagesFollowTheNextPageTokenWithoutGapsOrRepeats() {
        ApiClient user = Users.registerAndLogIn(api(), "mail-pages");
        events.publish(mailPage(sealing(), ownerOf(user), unconnectedAccount(),
                IntStream.range(0, 7).mapToObj(i -> message("m-" + i, List.of("INBOX"), BOB, at(i / 2), true)).toList()));
        awaitItems(user, "/api/v1/messages", 7);

        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = user.get("/api/v1/messages?limit=3" + (token == null ? "" : "&pageToken=" + token)).json();
            sizes.add(page.path("items").size());
            seen.addAll(externalIds(page));
            token = page.has("nextPageToken") ? page.path("nextPageToken").asText() : null;
        } while (token != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrder("m-0", "m-1", "m-2", "m-3", "m-4", "m-5", "m-6");
        assertThat(externalIds(user, "")).isEqualTo(seen);
    }

    @Test
    void theAccountFilterNeedsOneOfTheCallersOwnAccounts() {
        ApiClient user = Users.registerAndLogIn(api(), "mail-account");
        ApiClient stranger = Users.registerAndLogIn(api(), "mail-stranger");
        String connected = connectGoogleAccount(user);
        String other = unconnectedAccount();
        events.publish(mailPage(sealing(), ownerOf(user), connected, List.of(message("in-connected", List.of("INBOX"), BOB, at(1), true))));
        events.publish(mailPage(sealing(), ownerOf(user), other, List.of(message("in-other", List.of("INBOX"), BOB, at(2), true))));
        awaitItems(user, "/api/v1/messages?folder=INBOX&from=bob", 2);

        JsonNode filtered = user.get("/api/v1/messages?accountId=" + connected).json();
        assertThat(externalIds(filtered)).contains("in-connected").doesNotContain("in-other");
        assertThat(filtered.path("items").findValuesAsText("accountId")).containsOnly(connected);

        assertNotFound(user.get("/api/v1/messages?accountId=" + other));
        assertNotFound(user.get("/api/v1/messages?accountId=" + UUID.randomUUID()));
        assertNotFound(stranger.get("/api/v1/messages?accountId=" + connected));
    }

    @Test
    void badParametersAnswer400NamingEachParameter() {
        ApiClient user = Users.registerAndLogIn(api(), "mail-bad");
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("after=yesterday", "after");
        cases.put("before=2026-13-01T00:00:00Z", "before");
        cases.put("after=2026-03-01", "after");
        cases.put("after=" + at(5) + "&before=" + at(5), "before");
        cases.put("limit=0", "limit");
        cases.put("limit=201", "limit");
        cases.put("limit=ten", "limit");
        cases.put("unread=maybe", "unread");
        cases.put("unread=1", "unread");
        cases.put("pageToken=not-a-token", "pageToken");
        cases.put("folder=" + "x".repeat(201), "folder");

        cases.forEach((query, parameter) -> {
            ApiClient.Response response = user.get("/api/v1/messages?" + query);
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = response.json();
            assertThat(problem.path("type").asText()).endsWith("/validation-failed");
            assertThat(problem.path("detail").asText()).as(query).contains("'" + parameter + "'");
            assertThat(problem.path("errors").findValuesAsText("field")).as(query).containsExactly(parameter);
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
        });

        ApiClient.Response several = user.get("/api/v1/messages?limit=500&unread=perhaps&after=soon");
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("limit", "unread", "after");
        assertThat(user.get("/api/v1/messages?limit=1").status()).isEqualTo(200);
        assertThat(user.get("/api/v1/messages?limit=200&unread=").status()).isEqualTo(200);
    }

    @Test
    void anotherUsersMessageIsNeitherFoundNorListed() {
        ApiClient owner = Users.registerAndLogIn(api(), "mail-owner");
        ApiClient stranger = Users.registerAndLogIn(api(), "mail-other");
        events.publish(mailPage(sealing(), ownerOf(owner), unconnectedAccount(), List.of(message("private", List.of("INBOX"), BOB, at(1), true))));
        String id = awaitItems(owner, "/api/v1/messages", 1).path("items").get(0).path("id").asText();

        assertNotFound(stranger.get("/api/v1/messages/" + id));
        assertThat(stranger.get("/api/v1/messages").json().path("items")).isEmpty();
        assertThat(owner.get("/api/v1/messages/" + id).status()).isEqualTo(200);
        assertNotFound(owner.get("/api/v1/messages/" + UUID.randomUUID()));
        assertNotFound(owner.get("/api/v1/messages/not-a-message-id"));
    }

    @Test
    void theMessageEndpointsNeedAnAccessToken() {
        assertThat(api().get("/api/v1/messages").status()).isEqualTo(401);
        assertThat(api().get("/api/v1/messages/" + UUID.randomUUID()).status()).isEqualTo(401);
    }

    @Test
    void theProjectionHandlesEachAccountsEventsInOrder() {
        assertThat(processing.sequencingPolicy(SyncedMessagesProjection.PROCESSING_GROUP)).isSameAs(AccountSequencingPolicy.INSTANCE);
    }

    private String connectGoogleAccount(ApiClient user) {
        String email = "mail-" + UUID.randomUUID().toString().substring(0, 8) + "@gmail.example";
        emulator.control().addUser(EmulatedProvider.GOOGLE, email, "Mail Test");
        String accountId = ConnectFlow.connect(user, "google", email);
        await().atMost(PROJECTION_WAIT).until(() -> user.get("/api/v1/accounts/" + accountId).status() == 200);
        return accountId;
    }

    private static JsonNode awaitItems(ApiClient user, String path, int count) {
        return await().atMost(PROJECTION_WAIT).until(() -> user.get(path).json(), page -> page.path("items").size() >= count);
    }

    private static List<String> externalIds(ApiClient user, String query) {
        ApiClient.Response response = user.get("/api/v1/messages?limit=200&" + query);
        assertThat(response.status()).as(query + " -> " + response).isEqualTo(200);
        return externalIds(response.json());
    }

    private static List<String> externalIds(JsonNode page) {
        return page.path("items").findValuesAsText("externalId");
    }

    private static void assertNotFound(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asText()).endsWith("/not-found");
    }

    private static SyncedMessage message(String externalId, List<String> labels, EmailAddress from, Instant receivedAt,
                                         boolean unread) {
        return new SyncedMessage(externalId, "t-" + externalId, null, labels, from, List.of(), List.of(), "Subject " + externalId,
                "Snippet " + externalId, "Body of " + externalId, false, receivedAt, unread, List.of());
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private SyncedContent.Sealing sealing() {
        return new SyncedContent.Sealing(sealer, dataKeys);
    }
}
