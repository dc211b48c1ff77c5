package dev.syncline.providers.gmail;

import com.google.api.services.gmail.model.History;
import com.google.api.services.gmail.model.HistoryLabelAdded;
import com.google.api.services.gmail.model.HistoryLabelRemoved;
import com.google.api.services.gmail.model.HistoryMessageAdded;
import com.google.api.services.gmail.model.HistoryMessageDeleted;
import com.google.api.services.gmail.model.Message;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What one page of Gmail history means for a copy of the mailbox: messages to fetch again (added or
 * relabelled) and messages that are gone. A deletion wins over anything earlier in the window, so a
 * message added and deleted in it is never fetched; it is only reported removed, which is harmless.
 */
final class HistoryChanges {

    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> deleted = new LinkedHashSet<>();

    static HistoryChanges of(List<History> records) {
        HistoryChanges changes = new HistoryChanges();
        if (records != null) {
            records.forEach(changes::apply);
        }
        return changes;
    }

    private void apply(History record) {
        Set<String> gone = ids(record.getMessagesDeleted(), HistoryMessageDeleted::getMessage);
        gone.forEach(changed::remove);
        deleted.addAll(gone);
        Set<String> touched = ids(record.getMessagesAdded(), HistoryMessageAdded::getMessage);
        touched.addAll(ids(record.getLabelsAdded(), HistoryLabelAdded::getMessage));
        touched.addAll(ids(record.getLabelsRemoved(), HistoryLabelRemoved::getMessage));
        // Any other change Gmail lists under "messages" is worth a fresh look as well.
        touched.addAll(ids(record.getMessages(), Function.identity()));
        touched.removeAll(deleted);
        changed.addAll(touched);
    }

    private static <T> Set<String> ids(List<T> entries, Function<T, Message> message) {
        Set<String> ids = new LinkedHashSet<>();
        if (entries != null) {
            for (T entry : entries) {
                Message ref = message.apply(entry);
                if (ref != null && ref.getId() != null) {
                    ids.add(ref.getId());
                }
            }
        }
        return ids;
    }

    /** Ids to fetch, in the order history first named them. */
    List<String> changed() {
        return List.copyOf(changed);
    }

    List<String> deleted() {
        return List.copyOf(deleted);
    }
}
