package dev.syncline.emulator.gmail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.emulator.mailbox.GeneratedAttachment;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.syncline.emulator.gmail.RunningGmail.API;
import static dev.syncline.emulator.gmail.RunningGmail.json;
import static org.assertj.core.api.Assertions.assertThat;

class GmailMessageFormatsTest {

    @RegisterExtension
    final RunningGmail gmail = new RunningGmail();

    @Test
    void fullFormatHasTheTextPartAndTheAttachments() {
        RunningGmail.Seeded seeded = gmail.seed(200, 3);
        int index = firstWithAttachments(seeded);
        GeneratedMessage generated = seeded.mailbox().messages().get(index);

        JsonNode message = gmail.getJson(API + "/messages/" + seeded.ids().get(index) + "?format=full");

        JsonNode payload = message.get("payload");
        assertThat(payload.get("mimeType").asText()).isEqualTo("multipart/mixed");
        JsonNode alternative = payload.get("parts").get(0);
        assertThat(alternative.get("mimeType").asText()).isEqualTo("multipart/alternative");
        JsonNode plain = alternative.get("parts").get(0);
        assertThat(plain.get("mimeType").asText()).isEqualTo("text/plain");
        assertThat(new String(Base64.getUrlDecoder().decode(plain.at("/body/data").asText()), StandardCharsets.UTF_8))
                .isEqualTo(generated.body());
        assertThat(alternative.get("parts").get(1).get("mimeType").asText()).isEqualTo("text/html");
        List<String> attachments = new ArrayList<>();
        for (int i = 1; i < payload.get("parts").size(); i++) {
            JsonNode part = payload.get("parts").get(i);
            assertThat(part.at("/body/attachmentId").asText()).isNotBlank();
            assertThat(part.at("/body/data").isMissingNode()).isTrue();
            attachments.add(part.get("filename").asText() + "|" + part.get("mimeType").asText() + "|" + part.at("/body/size").asLong());
        }
        assertThat(attachments).containsExactlyElementsOf(generated.attachments().stream()
                .map(a -> a.name() + "|" + a.contentType() + "|" + a.size()).toList());
    }

    @Test
    void fullFormatCarriesTheHeadersAndMessageFacts() {
        RunningGmail.Seeded seeded = gmail.seed(20, 1);
        GeneratedMessage generated = seeded.mailbox().messages().get(3);

        JsonNode message = gmail.getJson(API + "/messages/" + seeded.ids().get(3));

        Map<String, String> headers = headers(message.at("/payload/headers"));
        assertThat(headers.get("Subject")).isEqualTo(generated.subject());
        assertThat(headers.get("From")).isEqualTo(generated.from().name() + " <" + generated.from().email() + ">");
        assertThat(headers.get("To")).contains(generated.to().get(0).email());
        assertThat(headers.get("Date")).matches("\\w{3}, \\d{1,2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000");
        assertThat(headers.get("Message-ID")).startsWith("<").endsWith(">");
        assertThat(message.get("internalDate").asText()).isEqualTo(Long.toString(generated.receivedAt().toEpochMilli()));
        assertThat(message.get("historyId").asText()).matches("\\d+");
        assertThat(message.get("sizeEstimate").asInt()).isPositive();
        assertThat(message.get("snippet").asText()).startsWith("Hi,");
    }

    @Test
    void metadataFormatHasHeadersButNoParts() {
        RunningGmail.Seeded seeded = gmail.seed(20, 1);

        JsonNode message = gmail.getJson(API + "/messages/" + seeded.ids().get(0) + "?format=metadata&metadataHeaders=Subject");

        assertThat(message.at("/payload/parts").isMissingNode()).isTrue();
        assertThat(headers(message.at("/payload/headers")).keySet()).containsExactly("Subject");
        assertThat(message.get("labelIds").isArray()).isTrue();
    }

    @Test
    void minimalFormatHasNoPayload() {
        RunningGmail.Seeded seeded = gmail.seed(20, 1);

        JsonNode message = gmail.getJson(API + "/messages/" + seeded.ids().get(0) + "?format=minimal");

        assertThat(message.has("payload")).isFalse();
        assertThat(message.get("id").asText()).isEqualTo(seeded.ids().get(0));
        assertThat(message.has("labelIds")).isTrue();
    }

    @Test
    void aMessageWithoutAttachmentsIsMultipartAlternative() {
        RunningGmail.Seeded seeded = gmail.seed(60, 1);
        int index = 0;
        while (!seeded.mailbox().messages().get(index).attachments().isEmpty()) {
            index++;
        }

        JsonNode payload = gmail.getJson(API + "/messages/" + seeded.ids().get(index)).get("payload");

        assertThat(payload.get("mimeType").asText()).isEqualTo("multipart/alternative");
        assertThat(payload.get("parts").get(0).get("mimeType").asText()).isEqualTo("text/plain");
    }

    @Test
    void anUnknownMessageAnswers404InGooglesErrorShape() {
        gmail.seed(5, 0);

        HttpResponse<String> response = gmail.get(API + "/messages/00000000000000ff");

        assertThat(response.statusCode()).isEqualTo(404);
        JsonNode error = json(response.body()).get("error");
        assertThat(error.get("code").asInt()).isEqualTo(404);
        assertThat(error.get("status").asText()).isEqualTo("NOT_FOUND");
        assertThat(error.at("/errors/0/reason").asText()).isEqualTo("notFound");
    }

    @Test
    void labelsFollowTheGeneratedFolderAndFlags() {
        RunningGmail.Seeded seeded = gmail.seed(120, 3);
        int index = 0;
        while (!seeded.mailbox().messages().get(index).unread()
                || !seeded.mailbox().messages().get(index).folder().equals("Inbox")) {
            index++;
        }

        JsonNode message = gmail.getJson(API + "/messages/" + seeded.ids().get(index) + "?format=minimal");

        List<String> labels = new ArrayList<>();
        message.get("labelIds").forEach(label -> labels.add(label.asText()));
        assertThat(labels).contains("INBOX", "UNREAD");
    }

    private static int firstWithAttachments(RunningGmail.Seeded seeded) {
        List<GeneratedMessage> messages = seeded.mailbox().messages();
        for (int i = 0; i < messages.size(); i++) {
            List<GeneratedAttachment> attachments = messages.get(i).attachments();
            if (!attachments.isEmpty()) {
                return i;
            }
        }
        throw new AssertionError("The generated mailbox has no attachments");
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> byName = new HashMap<>();
        headers.forEach(header -> byName.put(header.get("name").asText(), header.get("value").asText()));
        return byName;
    }
}
