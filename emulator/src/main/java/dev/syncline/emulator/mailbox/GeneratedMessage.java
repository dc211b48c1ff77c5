package dev.syncline.emulator.mailbox;

import java.time.Instant;
import java.util.List;

/**
 * A generated mail message, provider-neutral; each provider's store gives it its own id and shape.
 *
 * @param key     unique within the mailbox and stable for a spec, e.g. {@code m000042}
 * @param thread  messages with the same thread key form one conversation
 * @param folder  the folder it lives in, one of {@link GeneratedMailbox#folders()} (Gmail: a label)
 * @param starred Gmail adds {@code STARRED}, Graph sets the flag
 */
public record GeneratedMessage(
        String key,
        String thread,
        String folder,
        GeneratedAddress from,
        List<GeneratedAddress> to,
        List<GeneratedAddress> cc,
        String subject,
        String body,
        Instant receivedAt,
        boolean unread,
        boolean starred,
        List<GeneratedAttachment> attachments) {

    public GeneratedMessage {
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        attachments = List.copyOf(attachments);
    }
}
