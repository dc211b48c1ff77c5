package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.List;

/**
 * One synced message with its plain-text body and what is known of its attachments.
 *
 * @param id            Syncline's stable id of the message, the same after every replay
 * @param externalId    the provider's id of the message
 * @param folderId      the Graph folder holding it; null for Gmail, where labels play that part
 * @param bodyTruncated whether the body was cut at the size limit
 * @param updatedAt     when the sync that last wrote the message fetched it
 */
public record MessageView(
        String id,
        String accountId,
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
        boolean hasAttachments,
        List<AttachmentInfo> attachments,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "MessageView[id=" + id + ", content=<hidden>]";
    }
}
