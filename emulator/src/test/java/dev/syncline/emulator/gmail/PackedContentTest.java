package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAddress;
import dev.syncline.emulator.mailbox.GeneratedAttachment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PackedContentTest {

    @Test
    void contentSurvivesPackingWithUnicodeAndAttachments() {
        MessageContent content = new MessageContent("m000001", new GeneratedAddress("Jürgen Müller", "juergen@example.de"),
                List.of(new GeneratedAddress("Ada", "ada@example.com")), List.of(), "Grüße ☕", "Hallo,\n\nbis bald",
                List.of(new GeneratedAttachment("plan.pdf", "application/pdf", 123_456L)));

        assertThat(PackedContent.pack(content).unpack()).isEqualTo(content);
    }

    @Test
    void aLongBodyIsStoredDeflatedAndComesBackWhole() {
        String body = "Please find the details below. ".repeat(2_000);
        MessageContent content = new MessageContent("m000002", null, List.of(), List.of(), null, body, List.of());

        assertThat(PackedContent.pack(content).unpack()).isEqualTo(content);
    }
}
