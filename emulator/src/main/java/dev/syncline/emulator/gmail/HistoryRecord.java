package dev.syncline.emulator.gmail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One change of one message, under its own history id: added, deleted, or labels added or removed
 * (a move removes one and adds another in the same record).
 *
 * @param labelsAfter the message's labels once the change was made (before it, for a deletion)
 */
record HistoryRecord(
        long id,
        long messageId,
        long threadId,
        List<String> labelsAfter,
        boolean added,
        boolean deleted,
        List<String> labelsAdded,
        List<String> labelsRemoved) {

    static final String MESSAGE_ADDED = "messageAdded";
    static final String MESSAGE_DELETED = "messageDeleted";
    static final String LABEL_ADDED = "labelAdded";
    static final String LABEL_REMOVED = "labelRemoved";
    static final Set<String> TYPES = Set.of(MESSAGE_ADDED, MESSAGE_DELETED, LABEL_ADDED, LABEL_REMOVED);

    HistoryRecord {
        labelsAfter = List.copyOf(labelsAfter);
        labelsAdded = List.copyOf(labelsAdded);
        labelsRemoved = List.copyOf(labelsRemoved);
    }

    static HistoryRecord added(long id, StoredMessage message) {
        return new HistoryRecord(id, message.id(), message.threadId(), message.labelIds(), true, false, List.of(), List.of());
    }

    static HistoryRecord deleted(long id, StoredMessage message) {
        return new HistoryRecord(id, message.id(), message.threadId(), message.labelIds(), false, true, List.of(), List.of());
    }

    static HistoryRecord labelsChanged(long id, StoredMessage after, List<String> added, List<String> removed) {
        return new HistoryRecord(id, after.id(), after.threadId(), after.labelIds(), false, false, added, removed);
    }

    /** Whether the record has a change of one of the types (all types when the set is empty). */
    boolean hasAnyType(Set<String> types) {
        return types.isEmpty()
                || (added && types.contains(MESSAGE_ADDED))
                || (deleted && types.contains(MESSAGE_DELETED))
                || (!labelsAdded.isEmpty() && types.contains(LABEL_ADDED))
                || (!labelsRemoved.isEmpty() && types.contains(LABEL_REMOVED));
    }

    boolean concernsLabel(String labelId) {
        return labelsAfter.contains(labelId) || labelsAdded.contains(labelId) || labelsRemoved.contains(labelId);
    }

    /** The record as {@code users.history.list} shows it, limited to the requested types. */
    Map<String, Object> describe(Set<String> types) {
        Map<String, Object> ref = messageRef(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", Long.toString(id));
        json.put("messages", List.of(ref));
        if (added && (types.isEmpty() || types.contains(MESSAGE_ADDED))) {
            json.put("messagesAdded", List.of(Map.of("message", messageRef(true))));
        }
        if (deleted && (types.isEmpty() || types.contains(MESSAGE_DELETED))) {
            json.put("messagesDeleted", List.of(Map.of("message", messageRef(true))));
        }
        if (!labelsAdded.isEmpty() && (types.isEmpty() || types.contains(LABEL_ADDED))) {
            json.put("labelsAdded", List.of(labelChange(labelsAdded)));
        }
        if (!labelsRemoved.isEmpty() && (types.isEmpty() || types.contains(LABEL_REMOVED))) {
            json.put("labelsRemoved", List.of(labelChange(labelsRemoved)));
        }
        return json;
    }

    private Map<String, Object> labelChange(List<String> labels) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("message", messageRef(true));
        change.put("labelIds", new ArrayList<>(labels));
        return change;
    }

    private Map<String, Object> messageRef(boolean withLabels) {
        Map<String, Object> ref = new LinkedHashMap<>();
        ref.put("id", GmailIds.format(messageId));
        ref.put("threadId", GmailIds.format(threadId));
        if (withLabels) {
            ref.put("labelIds", labelsAfter);
        }
        return ref;
    }
}
