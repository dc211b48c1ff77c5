package dev.syncline.messages.sync;

import java.util.List;

/** What a {@link MessagesFetchedEvent} seals: the page's messages and removals. */
public record MessagesPageContent(List<SyncedMessage> upserted, List<RemovedItem> removed) {
}
