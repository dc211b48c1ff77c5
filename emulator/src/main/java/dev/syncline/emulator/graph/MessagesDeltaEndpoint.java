package dev.syncline.emulator.graph;

import dev.syncline.emulator.http.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /me/mailFolders/{id}/messages/delta()} (also without the parentheses): pages of at most
 * {@code Prefer: odata.maxpagesize} messages; a message that left the folder comes as {@code @removed}.
 * Ids are immutable only with {@code Prefer: IdType="ImmutableId"}; otherwise they change on every move,
 * as on Graph.
 */
final class MessagesDeltaEndpoint {

    Response handle(ApiCall call) {
        GraphPreferences preferences = call.preferences();
        MailStore mail = call.mailbox().mail();
        DeltaPage<StoredMessage> page = mail.delta(call.pathVariable("folderId"), DeltaLinks.tokenOf(call),
                preferences.pageSize(), DeltaLinks.selectOf(call));
        Set<String> select = MessageJson.fields(page.next().select());
        List<Map<String, Object>> values = new ArrayList<>(page.entries().size());
        for (DeltaPage.Entry<StoredMessage> entry : page.entries()) {
            ChangeLog.Change removal = entry.removal();
            values.add(removal == null
                    ? MessageJson.message(entry.item(), mail.ids(), preferences, select)
                    : MessageJson.removed(removedId(removal, mail.ids(), preferences), removal.removalReason()));
        }
        return DeltaLinks.page(call, "Collection(message)", values, page.next(), applied(preferences));
    }

    /** The id the client knew the message by: its REST id of then, unless ids are immutable. */
    private static String removedId(ChangeLog.Change removal, GraphIds ids, GraphPreferences preferences) {
        if (preferences.immutableIds()) {
            return removal.id();
        }
        long serial = ids.parseMessage(removal.id()).orElseThrow().serial();
        return ids.restMessage(serial, removal.generation());
    }

    private static String applied(GraphPreferences preferences) {
        List<String> applied = new ArrayList<>();
        applied.add("odata.maxpagesize=" + preferences.pageSize());
        if (preferences.immutableIds()) {
            applied.add("IdType=\"ImmutableId\"");
        }
        if (preferences.textBody()) {
            applied.add("outlook.body-content-type=\"text\"");
        }
        return String.join(", ", applied);
    }
}
