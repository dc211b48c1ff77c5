package dev.syncline.api.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.syncline.api.testing.ApiClient;
import dev.syncline.command.sync.PageSealer;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.command.vault.DataKeyStore;
import dev.syncline.messages.sync.CalendarItem;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncedMessage;
import java.util.List;
import java.util.UUID;

/**
 * Builds the sync events that bring mail and calendar items to a user, as the sync would publish them, with
 * the content sealed by the application's own {@link PageSealer} under the account's data key (created for
 * an account that was never connected).
 */
public final class SyncedContent {

    private SyncedContent() {
    }

    /** The application's sealing parts, autowired by the test. */
    public record Sealing(PageSealer sealer, DataKeyStore dataKeys) {

        AccountKey keyOf(Owner owner, String accountId) {
            AccountKey key = new AccountKey(owner.workspaceId(), accountId);
            dataKeys.createIfAbsent(key);
            return key;
        }
    }

    /** Who a user is, as the events name them. */
    public record Owner(String workspaceId, String userId) {
    }

    public static Owner ownerOf(ApiClient user) {
        ApiClient.Response me = user.get("/api/v1/auth/me");
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        JsonNode json = me.json();
        return new Owner(json.path("workspaceId").asText(), json.path("id").asText());
    }

    public static MessagesFetchedEvent mailPage(Sealing sealing, Owner owner, String accountId, List<SyncedMessage> messages) {
        byte[] sealed = sealing.sealer().seal(sealing.keyOf(owner, accountId), new MessagesPageContent(messages, List.of()));
        return new MessagesFetchedEvent(SyncChannel.MAIL.streamIdFor(accountId), accountId, owner.workspaceId(), owner.userId(),
                "sync-" + UUID.randomUUID(), 1, messages.size(), 0, messages.size(), null, null, sealed);
    }

    public static CalendarItemsFetchedEvent calendarPage(Sealing sealing, Owner owner, String accountId, List<CalendarItem> items) {
        byte[] sealed = sealing.sealer().seal(sealing.keyOf(owner, accountId), new CalendarItemsPageContent(items, List.of()));
        return new CalendarItemsFetchedEvent(SyncChannel.CALENDAR.streamIdFor(accountId), accountId, owner.workspaceId(),
                owner.userId(), "sync-" + UUID.randomUUID(), 1, items.size(), 0, items.size(), null, null, sealed);
    }

    /** A made-up account id: its content is listed for its owner, but it is no connected account. */
    public static String unconnectedAccount() {
        return "acc-" + UUID.randomUUID();
    }

}
