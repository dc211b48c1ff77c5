package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.syncline.emulator.graph.GraphFixture.IMMUTABLE;
import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.deltaLink;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static dev.syncline.emulator.graph.GraphFixture.values;
import static org.assertj.core.api.Assertions.assertThat;

class GraphMailDeltaTest {

    private GraphFixture graph;

    @BeforeEach
    void start() {
        graph = GraphFixture.start();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void folderListingPagesThroughWellKnownAndUserFoldersWithTheirCounts() {
        graph.seed(120, 2, 0);

        List<JsonNode> folders = values(graph.allPages("/v1.0/me/mailFolders?$top=2"));

        assertThat(folders).extracting(folder -> folder.get("displayName").asText())
                .containsExactly("Inbox", "Sent Items", "Archive", "Projects", "Receipts");
        assertThat(folders.stream().mapToInt(folder -> folder.get("totalItemCount").asInt()).sum()).isEqualTo(120);
        List<MailSnapshotItem> snapshot = graph.mail.snapshot(USER);
        for (JsonNode folder : folders) {
            String id = folder.get("id").asText();
            assertThat(folder.get("unreadItemCount").asLong()).as(folder.get("displayName").asText())
                    .isEqualTo(snapshot.stream().filter(m -> m.folderId().equals(id) && m.unread()).count());
        }
    }

    @Test
    void wellKnownNamesWorkAsFolderIds() {
        graph.seed(10, 0, 0);
        String inboxId = values(graph.allPages("/v1.0/me/mailFolders")).get(0).get("id").asText();

        JsonNode inbox = json(graph.get("/v1.0/me/mailFolders/inbox"));

        assertThat(inbox.get("id").asText()).isEqualTo(inboxId);
        assertThat(json(graph.get("/v1.0/me/mailFolders/sentitems")).get("displayName").asText()).isEqualTo("Sent Items");
    }

    @Test
    void deltaPagesHonourMaxPageSizeAndTheLastOneCarriesADeltaLink() {
        graph.seed(200, 1, 0);
        long inboxSize = inboxMessages().size();

        List<JsonNode> pages = graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()",
                "Prefer", "odata.maxpagesize=25, " + IMMUTABLE);

        assertThat(pages).hasSize((int) Math.ceil(inboxSize / 25.0));
        pages.subList(0, pages.size() - 1).forEach(page -> {
            assertThat(page.get("value")).hasSize(25);
            assertThat(page.has("@odata.deltaLink")).isFalse();
        });
        assertThat(pages.get(pages.size() - 1).get("@odata.deltaLink").asText()).contains("$deltatoken=");
        assertThat(values(pages)).extracting(message -> message.get("id").asText())
                .containsExactlyInAnyOrderElementsOf(inboxMessages().stream().map(MailSnapshotItem::id).toList());
    }

    @Test
    void withoutAPageSizePreferenceAPageHoldsTen() {
        graph.seed(100, 0, 0);

        JsonNode page = json(graph.get("/v1.0/me/mailFolders/inbox/messages/delta"));

        assertThat(page.get("value")).hasSize(10);
        assertThat(page.has("@odata.nextLink")).isTrue();
    }

    @Test
    void aDeltaRoundAfterChangesBringsChangedMessagesWholeAndDepartedOnesAsRemoved() {
        graph.seed(60, 0, 0);
        String prefer = "odata.maxpagesize=100, " + IMMUTABLE;
        String inboxLink = deltaLink(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()", "Prefer", prefer));
        String archiveLink = deltaLink(graph.allPages("/v1.0/me/mailFolders/archive/messages/delta()", "Prefer", prefer));
        List<MailSnapshotItem> inbox = inboxMessages();
        String deleted = inbox.get(0).id();
        String moved = inbox.get(1).id();
        String changed = inbox.get(2).id();

        graph.mail.deleteMessage(USER, deleted);
        graph.mail.moveMessage(USER, moved, "Archive");
        graph.mail.updateMessage(USER, changed, true, "Changed subject");
        Map<String, JsonNode> inboxRound = byId(values(graph.allPages(inboxLink, "Prefer", prefer)));
        Map<String, JsonNode> archiveRound = byId(values(graph.allPages(archiveLink, "Prefer", prefer)));

        assertThat(inboxRound).containsOnlyKeys(deleted, moved, changed);
        assertThat(inboxRound.get(deleted).get("@removed").get("reason").asText()).isEqualTo("deleted");
        assertThat(inboxRound.get(moved).get("@removed").get("reason").asText()).isEqualTo("changed");
        assertThat(inboxRound.get(changed).get("subject").asText()).isEqualTo("Changed subject");
        assertThat(inboxRound.get(changed).get("isRead").asBoolean()).isFalse();
        assertThat(archiveRound).containsOnlyKeys(moved);
        assertThat(archiveRound.get(moved).get("parentFolderId").asText()).isEqualTo(folderId("archive"));
    }

    @Test
    void aRoundWithoutChangesIsEmptyAndHandsOnADeltaLink() {
        graph.seed(30, 0, 0);
        String link = deltaLink(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()", "Prefer", IMMUTABLE));

        JsonNode round = json(graph.get(link, "Prefer", IMMUTABLE));

        assertThat(round.get("value")).isEmpty();
        assertThat(round.get("@odata.deltaLink").asText()).contains("$deltatoken=");
    }

    @Test
    void withoutTheImmutableIdPreferenceAMovedMessageGetsANewId() {
        graph.seed(40, 0, 0);
        String restLink = deltaLink(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()"));
        MailSnapshotItem first = inboxMessages().get(0);
        String restId = restIdOf(first, values(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()")));

        graph.mail.moveMessage(USER, first.id(), "Archive");
        List<JsonNode> archive = values(graph.allPages("/v1.0/me/mailFolders/archive/messages/delta()"));
        List<JsonNode> archiveImmutable = values(graph.allPages("/v1.0/me/mailFolders/archive/messages/delta()",
                "Prefer", IMMUTABLE));
        List<JsonNode> inboxRound = values(graph.allPages(restLink));

        assertThat(restId).isNotEqualTo(first.id());
        assertThat(restIdOf(first, archive)).isNotEqualTo(restId).isNotEqualTo(first.id());
        assertThat(archiveImmutable).extracting(m -> m.get("id").asText()).contains(first.id());
        assertThat(inboxRound).singleElement().satisfies(removed -> {
            assertThat(removed.get("id").asText()).isEqualTo(restId);
            assertThat(removed.has("@removed")).isTrue();
        });
        assertThat(graph.get("/v1.0/me/messages/" + restId + "/attachments").statusCode()).isEqualTo(404);
    }

    @Test
    void expiredCursorsAnswer410SyncStateNotFound() {
        graph.seed(60, 0, 0);
        JsonNode firstPage = json(graph.get("/v1.0/me/mailFolders/inbox/messages/delta()", "Prefer", "odata.maxpagesize=5"));
        String nextLink = firstPage.get("@odata.nextLink").asText();
        String deltaLink = deltaLink(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()"));

        graph.mail.expireCursors(USER);

        for (String link : List.of(nextLink, deltaLink)) {
            HttpResponse<String> response = graph.get(link);
            assertThat(response.statusCode()).isEqualTo(410);
            assertThat(json(response).get("error").get("code").asText()).isEqualTo("syncStateNotFound");
        }
        assertThat(graph.get("/v1.0/me/mailFolders/inbox/messages/delta()").statusCode()).isEqualTo(200);
    }

    @Test
    void selectNarrowsTheFieldsOnEveryPageOfTheRound() {
        graph.seed(30, 0, 0);

        List<JsonNode> pages = graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()?$select=subject,isRead",
                "Prefer", "odata.maxpagesize=4");

        assertThat(pages).hasSizeGreaterThan(1);
        values(pages).forEach(message -> assertThat(fieldNames(message))
                .containsExactlyInAnyOrder("@odata.type", "id", "subject", "isRead"));
    }

    @Test
    void theBodyComesAsTextOnlyWhenAskedFor() {
        graph.seed(5, 0, 0);

        JsonNode html = json(graph.get("/v1.0/me/mailFolders/inbox/messages/delta()")).get("value").get(0);
        JsonNode text = json(graph.get("/v1.0/me/mailFolders/inbox/messages/delta()",
                "Prefer", "outlook.body-content-type=\"text\"")).get("value").get(0);

        assertThat(html.get("body").get("contentType").asText()).isEqualTo("html");
        assertThat(text.get("body").get("contentType").asText()).isEqualTo("text");
        assertThat(text.get("body").get("content").asText()).startsWith("Hi,");
        assertThat(text.get("bodyPreview").asText()).startsWith("Hi, ").hasSizeLessThanOrEqualTo(255);
    }

    @Test
    void attachmentMetadataIsListedForAMessage() {
        graph.seed(60, 0, 0);
        MailSnapshotItem withAttachments = graph.mail.snapshot(USER).stream()
                .filter(m -> !m.attachmentNames().isEmpty()).findFirst().orElseThrow();

        JsonNode attachments = json(graph.get("/v1.0/me/messages/" + withAttachments.id()
                + "/attachments?$select=name,contentType,size"));

        Set<String> names = new HashSet<>();
        attachments.get("value").forEach(attachment -> {
            names.add(attachment.get("name").asText());
            assertThat(attachment.get("size").asLong()).isPositive();
            assertThat(attachment.get("contentType").asText()).contains("/");
        });
        assertThat(names).isEqualTo(withAttachments.attachmentNames());
    }

    @Test
    void aMessageAddedToANewFolderMakesTheFolder() {
        graph.seed(10, 0, 0);

        String id = graph.mail.addMessage(USER, MailboxGenerator.message(3, "new-1", "Travel", GraphFixture.NOW));

        List<JsonNode> folders = values(graph.allPages("/v1.0/me/mailFolders"));
        JsonNode travel = folders.stream().filter(f -> f.get("displayName").asText().equals("Travel")).findFirst().orElseThrow();
        assertThat(travel.get("totalItemCount").asInt()).isEqualTo(1);
        assertThat(values(graph.allPages("/v1.0/me/mailFolders/" + travel.get("id").asText() + "/messages/delta()",
                "Prefer", IMMUTABLE))).extracting(m -> m.get("id").asText()).containsExactly(id);
    }

    @Test
    void aMessageAddedWithAFinerTimeIsReceivedToTheSecondAsGraphTellsIt() {
        graph.seed(0, 0, 0);
        Instant finer = GraphFixture.NOW.plusNanos(123_456_789);

        String id = graph.mail.addMessage(USER, MailboxGenerator.message(4, "new-2", "Inbox", finer));

        JsonNode message = values(graph.allPages("/v1.0/me/mailFolders/inbox/messages/delta()", "Prefer", IMMUTABLE))
                .stream().filter(m -> m.get("id").asText().equals(id)).findFirst().orElseThrow();
        assertThat(message.get("receivedDateTime").asText()).isEqualTo(finer.truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(graph.mail.snapshot(USER)).extracting(MailSnapshotItem::receivedAt)
                .containsExactly(finer.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void anUnknownFolderAnswers404() {
        HttpResponse<String> response = graph.get("/v1.0/me/mailFolders/nope/messages/delta()");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").get("code").asText()).isEqualTo("ErrorItemNotFound");
    }

    private List<MailSnapshotItem> inboxMessages() {
        String inbox = folderId("inbox");
        return graph.mail.snapshot(USER).stream().filter(m -> m.folderId().equals(inbox)).toList();
    }

    private String folderId(String wellKnownName) {
        return json(graph.get("/v1.0/me/mailFolders/" + wellKnownName)).get("id").asText();
    }

    private static String restIdOf(MailSnapshotItem message, List<JsonNode> values) {
        return values.stream().filter(m -> m.get("subject").asText().equals(message.subject())
                        && m.get("receivedDateTime").asText().equals(message.receivedAt().toString()))
                .map(m -> m.get("id").asText()).findFirst().orElseThrow();
    }

    private static Map<String, JsonNode> byId(List<JsonNode> values) {
        return values.stream().collect(Collectors.toMap(v -> v.get("id").asText(), Function.identity()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
