package dev.syncline.messages.sync;

import java.time.Instant;
import java.util.List;

/**
 * A synced message as a list shows it, without its body.
 *
 * @param id         Syncline's stable id of the message, the same after every replay
 * @param externalId the provider's id of the message
 * @param folderId   the Graph folder holding it; null for Gmail, where labels play that part
 */
public record MessageSummaryView(
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
        Instant receivedAt,
        boolean unread,
        boolean hasAttachments) {

    @Override
    public String toString() {
        return "MessageSummaryView[id=" + id + ", content=<hidden>]";
    }
}
