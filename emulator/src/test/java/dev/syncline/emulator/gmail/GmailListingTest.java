package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailListingTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void pagesListEveryMessageOnceNewestFirst() {
        gmail.seed(250, 3);

        List<String> listed = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode page = gmail.getJson(API + "/messages?maxResults=100" + (token == null ? "" : "&pageToken=" + token));
            page.path("messages").forEach(ref -> listed.add(ref.get("id").asText()));
            assertThat(page.get("resultSizeEstimate").asInt()).isEqualTo(250);
            token = page.path("nextPageToken").asText(null);
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(3);
        assertThat(listed).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(gmail.emulator().snapshot(EMAIL).stream().map(MailSnapshotItem::id).toList())
                .isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void listingCarriesThreadIds() {
        gmail.seed(30, 1);

        JsonNode first = gmail.getJson(API + "/messages").get("messages").get(0);

        assertThat(first.get("id").asText()).matches("[0-9a-f]{16}");
        assertThat(first.get("threadId").asText()).matches("[0-9a-f]{16}");
    }

    @Test
    void pageSizeDefaultsToOneHundredAndIsCappedAtFiveHundred() {
        gmail.seed(700, 2);

        assertThat(gmail.getJson(API + "/messages").get("messages").size()).isEqualTo(100);
        assertThat(gmail.getJson(API + "/messages?maxResults=5000").get("messages").size()).isEqualTo(500);
    }

    @Test
    void labelFilterListsExactlyTheMessagesWithThatLabel() {
        gmail.seed(300, 4);
        List<String> unread = gmail.emulator().snapshot(EMAIL).stream()
                .filter(item -> item.labels().contains("UNREAD")).map(MailSnapshotItem::id).toList();

        JsonNode page = gmail.getJson(API + "/messages?maxResults=500&labelIds=UNREAD");

        List<String> listed = new ArrayList<>();
        page.get("messages").forEach(ref -> listed.add(ref.get("id").asText()));
        assertThat(listed).containsExactlyInAnyOrderElementsOf(unread);
        assertThat(page.get("resultSizeEstimate").asInt()).isEqualTo(unread.size());
    }

    @Test
    void userLabelsAreListedBesideTheSystemLabels() {
        gmail.seed(10, 2);

        JsonNode labels = gmail.getJson(API + "/labels").get("labels");

        List<String> ids = new ArrayList<>();
        labels.forEach(label -> ids.add(label.get("id").asText() + "=" + label.get("name").asText()));
        assertThat(ids).containsExactly("INBOX=INBOX", "SENT=SENT", "UNREAD=UNREAD", "STARRED=STARRED",
                "Label_1=Projects", "Label_2=Receipts");
    }

    @Test
    void anUnknownLabelIsRejected() {
        gmail.seed(10, 0);

        HttpResponse<String> response = gmail.get(API + "/messages?labelIds=Label_99");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error/errors/0/reason").asText()).isEqualTo("invalidArgument");
    }

    @Test
    void aPageTokenStopsWorkingWhenCursorsExpire() {
        gmail.seed(150, 0);
        String token = gmail.getJson(API + "/messages").get("nextPageToken").asText();

        gmail.emulator().expireCursors(EMAIL);
        HttpResponse<String> response = gmail.get(API + "/messages?pageToken=" + token);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response.body()).at("/error/message").asText()).isEqualTo("Invalid pageToken");
    }

    @Test
    void theProfileCountsMessagesAndThreadsAndNamesTheHistoryId() {
        RunningGmail.Seeded seeded = gmail.seed(90, 1);

        JsonNode profile = gmail.getJson(API + "/profile");

        assertThat(profile.get("emailAddress").asText()).isEqualTo(EMAIL);
        assertThat(profile.get("messagesTotal").asInt()).isEqualTo(90);
        assertThat(profile.get("threadsTotal").asInt()).isEqualTo(
                (int) seeded.mailbox().messages().stream().map(m -> m.thread()).distinct().count());
        assertThat(profile.get("historyId").asText()).matches("\\d+");
    }

    @Test
    void seedingTheSameSpecGivesTheSameIds() {
        List<String> first = gmail.seed(50, 2).ids();

        List<String> second = gmail.seed(50, 2).ids();

        assertThat(second).isEqualTo(first);
    }
}
