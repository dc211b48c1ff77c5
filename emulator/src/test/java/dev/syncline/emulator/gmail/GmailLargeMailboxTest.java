package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.emulator.mailbox.MailboxSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.EMAIL;
import static dev.syncline.emulator.gmail.RunningGmail.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's mailbox size: 100,000 messages, paged through in full. */
class GmailLargeMailboxTest {

    private static final int MESSAGES = 100_000;

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void everyMessageOfAHundredThousandIsListedExactlyOnceByFollowingPageTokens() {
        MessageStore store = new MessageStore(Clock.systemUTC());
        store.seed(MailboxGenerator.generate(new MailboxSpec(5, MESSAGES, 10, 0, NOW), EMAIL));

        Set<Long> listed = new HashSet<>();
        String token = null;
        int pages = 0;
        do {
            MessageStore.MessageList page = store.list(List.of(), 500, token);
            page.messages().forEach(message -> listed.add(message.id()));
            token = page.nextPageToken();
            pages++;
        } while (token != null);

        assertThat(pages).isEqualTo(MESSAGES / 500);
        assertThat(listed).hasSize(MESSAGES);
    }

    @Test
    void aHundredThousandMessageMailboxIsServedDeepDown() {
        List<String> ids = gmail.seed(MESSAGES, 10).ids();
        String deep = ids.get(123);

        JsonNode profile = gmail.getJson(API + "/profile");
        JsonNode message = gmail.getJson(API + "/messages/" + deep);

        assertThat(profile.get("messagesTotal").asInt()).isEqualTo(MESSAGES);
        assertThat(message.get("id").asText()).isEqualTo(deep);
        assertThat(message.at("/payload/parts").size()).isPositive();
    }
}
