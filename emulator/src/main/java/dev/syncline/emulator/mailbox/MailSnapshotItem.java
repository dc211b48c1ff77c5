package dev.syncline.emulator.mailbox;

import java.time.Instant;
import java.util.Set;

/**
 * A message as the provider holds it, in the terms Syncline's read model uses: Gmail gives its label
 * ids and no folder id; Graph gives its folder's id and, as the only label, the folder's display name.
 */
public record MailSnapshotItem(
        String id,
        String threadId,
        String folderId,
        Set<String> labels,
        String subject,
        String fromAddress,
        Instant receivedAt,
        boolean unread,
        Set<String> attachmentNames) {
}
