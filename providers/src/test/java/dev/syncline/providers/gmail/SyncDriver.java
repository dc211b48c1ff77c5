package dev.syncline.providers.gmail;

import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MessageSource;
import dev.syncline.providers.sync.ProviderThrottledException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Plays the sync engine's part in tests: fetches page after page and applies each to an in-memory copy
 * of the mailbox, as the read model would (upsert, then remove).
 */
final class SyncDriver {

    private final MessageSource source;
    private final MailboxAccess access;
    private final Map<String, SyncedMessage> copy = new LinkedHashMap<>();
    private final List<MessagesPage> pages = new ArrayList<>();

    SyncDriver(MessageSource source, MailboxAccess access) {
        this.source = source;
        this.access = access;
    }

    /** Pages from {@code position} until the last one; answers the cursor it carries. */
    String syncFrom(String position) {
        String next = position;
        while (true) {
            MessagesPage page = apply(source.fetch(access, next));
            if (page.last()) {
                return page.cursor();
            }
            next = page.nextPosition();
        }
    }

    /**
     * Like {@link #syncFrom}, but a throttled fetch is tried again until the mailbox's Retry-After has run
     * out; the adapter refuses early tries without calling Gmail, so trying is harmless.
     */
    String syncHonouringThrottling(String position, Duration atMost) {
        String next = position;
        while (true) {
            String current = next;
            MessagesPage page = apply(await().atMost(atMost).pollInterval(Duration.ofMillis(100))
                    .ignoreExceptionsInstanceOf(ProviderThrottledException.class)
                    .until(() -> source.fetch(access, current), fetched -> true));
            if (page.last()) {
                return page.cursor();
            }
            next = page.nextPosition();
        }
    }

    MessagesPage apply(MessagesPage page) {
        pages.add(page);
        page.upserted().forEach(message -> copy.put(message.externalId(), message));
        page.removed().stream().map(RemovedItem::externalId).forEach(copy::remove);
        return page;
    }

    Map<String, SyncedMessage> copy() {
        return copy;
    }

    List<MessagesPage> pages() {
        return pages;
    }
}
