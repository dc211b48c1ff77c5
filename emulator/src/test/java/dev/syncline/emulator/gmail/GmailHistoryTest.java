package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.NOW;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailHistoryTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void additionsLabelChangesMovesAndDeletionsAreRecordedInOrder() {
        RunningGmail.Seeded seeded = gmail.seed(20, 2);
        List<GeneratedMessage> generated = seeded.mailbox().messages();
        String readInInbox = seeded.ids().get(indexOf(generated, m -> !m.unread() && m.folder().equals("Inbox"), 0));
        String otherInInbox = seeded.ids().get(indexOf(generated, m -> m.folder().equals("Inbox")
                && !seeded.ids().get(generated.indexOf(m)).equals(readInInbox), 0));
        String deleted = seeded.ids().get(19);
        String start = historyId();

        String added = gmail.emulator().addMessage(EMAIL, newMessage("n1"));
        gmail.emulator().updateMessage(EMAIL, readInInbox, true, null);
        gmail.emulator().moveMessage(EMAIL, otherInInbox, "Receipts");
        gmail.emulator().deleteMessage(EMAIL, deleted);

        JsonNode page = gmail.getJson(API + "/history?startHistoryId=" + start);
        JsonNode history = page.get("history");
        assertThat(history).hasSize(4);
        assertThat(history.get(0).at("/messagesAdded/0/message/id").asText()).isEqualTo(added);
        assertThat(history.get(1).at("/labelsAdded/0/message/id").asText()).isEqualTo(readInInbox);
        assertThat(history.get(1).at("/labelsAdded/0/labelIds/0").asText()).isEqualTo("UNREAD");
        assertThat(history.get(2).at("/labelsRemoved/0/labelIds/0").asText()).isEqualTo("INBOX");
        assertThat(history.get(2).at("/labelsAdded/0/labelIds/0").asText()).isEqualTo("Label_2");
        assertThat(history.get(3).at("/messagesDeleted/0/message/id").asText()).isEqualTo(deleted);
        List<Long> recordIds = new ArrayList<>();
        history.forEach(record -> recordIds.add(record.get("id").asLong()));
        assertThat(recordIds).isSorted().allMatch(id -> id > Long.parseLong(start));
        assertThat(page.get("historyId").asText()).isEqualTo(historyId());
    }

    @Test
    void aMoveRemovesTheOldFolderLabelAndAddsTheNewOne() {
        RunningGmail.Seeded seeded = gmail.seed(30, 2);
        int index = seeded.mailbox().messages().stream().map(GeneratedMessage::folder).toList().indexOf("Inbox");
        String start = historyId();

        gmail.emulator().moveMessage(EMAIL, seeded.ids().get(index), "Projects");

        JsonNode record = gmail.getJson(API + "/history?startHistoryId=" + start).get("history").get(0);
        assertThat(record.at("/labelsRemoved/0/labelIds/0").asText()).isEqualTo("INBOX");
        assertThat(record.at("/labelsAdded/0/labelIds/0").asText()).isEqualTo("Label_1");
        assertThat(record.at("/labelsAdded/0/message/labelIds").toString()).contains("Label_1").doesNotContain("INBOX");
    }

    @Test
    void aChangedSubjectIsRecordedSoThatAClientFetchesTheMessageAgain() {
        List<String> ids = gmail.seed(10, 0).ids();
        String start = historyId();

        gmail.emulator().updateMessage(EMAIL, ids.get(0), unread(ids.get(0)), "A new subject");

        JsonNode record = gmail.getJson(API + "/history?startHistoryId=" + start).get("history").get(0);
        assertThat(record.at("/messagesAdded/0/message/id").asText()).isEqualTo(ids.get(0));
        assertThat(gmail.emulator().snapshot(EMAIL).stream().filter(item -> item.id().equals(ids.get(0)))
                .findFirst().orElseThrow().subject()).isEqualTo("A new subject");
    }

    @Test
    void historyTypesKeepOnlyTheRequestedChanges() {
        List<String> ids = gmail.seed(10, 0).ids();
        String start = historyId();
        gmail.emulator().addMessage(EMAIL, newMessage("n1"));
        gmail.emulator().deleteMessage(EMAIL, ids.get(0));

        JsonNode history = gmail.getJson(API + "/history?startHistoryId=" + start + "&historyTypes=messageDeleted").get("history");

        assertThat(history).hasSize(1);
        assertThat(history.get(0).has("messagesDeleted")).isTrue();
        assertThat(history.get(0).has("messagesAdded")).isFalse();
    }

    @Test
    void historyPagesChainByTheirTokens() {
        gmail.seed(5, 0);
        String start = historyId();
        for (int i = 0; i < 7; i++) {
            gmail.emulator().addMessage(EMAIL, newMessage("n" + i));
        }

        List<Integer> sizes = new ArrayList<>();
        String token = null;
        do {
            JsonNode page = gmail.getJson(API + "/history?maxResults=3&startHistoryId=" + start
                    + (token == null ? "" : "&pageToken=" + token));
            sizes.add(page.path("history").size());
            token = page.path("nextPageToken").asText(null);
        } while (token != null);

        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void aStaleHistoryIdAnswers404AfterCursorsExpire() {
        gmail.seed(10, 0);
        String start = historyId();

        gmail.emulator().expireCursors(EMAIL);
        HttpResponse<String> stale = gmail.get(API + "/history?startHistoryId=" + start);
        HttpResponse<String> fresh = gmail.get(API + "/history?startHistoryId=" + historyId());

        assertThat(stale.statusCode()).isEqualTo(404);
        assertThat(json(stale.body()).at("/error/errors/0/reason").asText()).isEqualTo("notFound");
        assertThat(fresh.statusCode()).isEqualTo(200);
    }

    @Test
    void aHistoryIdFromBeforeTheSeedIsStale() {
        String before = historyId();

        gmail.seed(10, 0);

        assertThat(gmail.get(API + "/history?startHistoryId=" + before).statusCode()).isEqualTo(404);
    }

    @Test
    void startHistoryIdIsRequired() {
        HttpResponse<String> response = gmail.get(API + "/history");

        assertThat(response.statusCode()).isEqualTo(400);
    }

    @Test
    void everyChangeRaisesTheHistoryId() {
        List<String> ids = gmail.seed(10, 0).ids();
        long before = Long.parseLong(historyId());

        gmail.emulator().moveMessage(EMAIL, ids.get(0), "Archive");

        assertThat(Long.parseLong(historyId())).isGreaterThan(before);
        assertThat(gmail.getJson(API + "/messages/" + ids.get(0) + "?format=minimal").get("historyId").asLong())
                .isGreaterThan(before);
    }

    private String historyId() {
        return gmail.getJson(API + "/profile").get("historyId").asText();
    }

    private boolean unread(String id) {
        return gmail.emulator().snapshot(EMAIL).stream().filter(item -> item.id().equals(id)).findFirst().orElseThrow().unread();
    }

    private static int indexOf(List<GeneratedMessage> messages, Predicate<GeneratedMessage> wanted, int from) {
        for (int i = from; i < messages.size(); i++) {
            if (wanted.test(messages.get(i))) {
                return i;
            }
        }
        throw new AssertionError("No generated message fits the test");
    }

    private static GeneratedMessage newMessage(String key) {
        return MailboxGenerator.message(key.hashCode(), key, "Inbox", NOW.plusSeconds(60));
    }
}
