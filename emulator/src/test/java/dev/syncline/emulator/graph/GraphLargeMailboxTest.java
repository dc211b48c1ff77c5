package dev.syncline.emulator.graph;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.syncline.emulator.graph.GraphFixture.IMMUTABLE;
import static dev.syncline.emulator.graph.GraphFixture.USER;
import static dev.syncline.emulator.graph.GraphFixture.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The benchmark mailbox: 100,000 messages, paged through in pages of 999, then one change found at once. */
class GraphLargeMailboxTest {

    private static final int MESSAGES = 100_000;

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
    void aHundredThousandMessageMailboxIsServedPageByPage() {
        GeneratedMailbox generated = GraphFixture.mailbox(MESSAGES, 10, 0);
        List<String> ids = graph.mail.seed(USER, generated);
        long inInbox = generated.messages().stream().filter(m -> m.folder().equals("Inbox")).count();
        String prefer = "odata.maxpagesize=999, " + IMMUTABLE;

        Set<String> seen = new HashSet<>();
        String deltaLink = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            JsonNode page = json(graph.get("/v1.0/me/mailFolders/inbox/messages/delta()?$select=id,isRead", "Prefer", prefer));
            page.get("value").forEach(message -> seen.add(message.get("id").asText()));
            while (page.has("@odata.nextLink")) {
                assertThat(page.get("value")).hasSize(999);
                page = json(graph.get(page.get("@odata.nextLink").asText(), "Prefer", prefer));
                page.get("value").forEach(message -> seen.add(message.get("id").asText()));
            }
            return page.get("@odata.deltaLink").asText();
        });
        String changed = ids.get(ids.size() - 1);
        graph.mail.moveMessage(USER, ids.get(0), "Inbox");
        graph.mail.updateMessage(USER, changed, true, null);
        JsonNode round = json(graph.get(deltaLink, "Prefer", prefer));

        assertThat(seen).hasSize((int) inInbox);
        assertThat(round.get("value")).extracting(message -> message.get("id").asText()).contains(changed);
        assertThat(round.get("value").size()).isLessThanOrEqualTo(2);
    }
}
