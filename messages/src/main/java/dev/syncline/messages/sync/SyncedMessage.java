package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.List;

/**
 * One mail message as a provider adapter read it. Content, so it travels in events only sealed.
 *
 * @param externalId    the provider's id (Gmail message id, Graph immutable id)
 * @param folderId      the Graph folder holding it; null for Gmail, where labels play that part
 * @param labels        Gmail label ids, or the Graph folder's display name
 * @param body          plain text, at most the configured limit; {@code bodyTruncated} says it was cut
 */
public record SyncedMessage(
        String externalId,
        String threadId,
        String folderId,
        List<String> labels,
        EmailAddress from,
        List<EmailAddress> to,
        List<EmailAddress> cc,
        String subject,
        String snippet,
        String body,
        boolean bodyTruncated,
        Instant receivedAt,
        boolean unread,
        List<AttachmentInfo> attachments) {

    public SyncedMessage {
        labels = labels == null ? List.of() : List.copyOf(labels);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "SyncedMessage[externalId=" + externalId + ", content=<sealed>]";
    }
}
