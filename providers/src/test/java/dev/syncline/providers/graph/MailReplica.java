package dev.syncline.providers.graph;

import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MessageSource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a read model of one mailbox would hold after applying pages the way the contract says: upserts by
 * id, removals only of the row in the folder they name.
 */
final class MailReplica {

    private final Map<String, SyncedMessage> byId = new HashMap<>();
    private int pages;

    /** Fetches and applies pages from {@code position} to the last one; answers its cursor. */
    String sync(MessageSource source, MailboxAccess access, String position) {
        MessagesPage page;
        String next = position;
        do {
            page = source.fetch(access, next);
            apply(page);
            next = page.nextPosition();
        } while (!page.last());
        return page.cursor();
    }

    void apply(MessagesPage page) {
        pages++;
        page.upserted().forEach(message -> byId.put(message.externalId(), message));
        for (RemovedItem removed : page.removed()) {
            SyncedMessage held = byId.get(removed.externalId());
            if (held != null && held.folderId().equals(removed.scope())) {
                byId.remove(removed.externalId());
            }
        }
    }

    int pages() {
        return pages;
    }

    SyncedMessage get(String id) {
        return byId.get(id);
    }

    List<SyncedMessage> messages() {
        return List.copyOf(byId.values());
    }

    /** The replica in the emulator's snapshot terms, sorted by id. */
    List<MailSnapshotItem> asSnapshot() {
        return byId.values().stream().sorted(Comparator.comparing(SyncedMessage::externalId))
                .map(MailReplica::snapshotOf).toList();
    }

    private static MailSnapshotItem snapshotOf(SyncedMessage message) {
        Set<String> names = message.attachments().stream().map(AttachmentInfo::name).collect(Collectors.toUnmodifiableSet());
        return new MailSnapshotItem(message.externalId(), message.threadId(), message.folderId(),
                Set.copyOf(message.labels()), message.subject(), message.from().address(), message.receivedAt(),
                message.unread(), names);
    }
}
