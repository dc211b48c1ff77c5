package dev.syncline.emulator.gmail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The labels of one mailbox: Gmail's system labels and user labels {@code Label_<n>} named after the
 * generated folders. Not thread-safe; the mailbox's lock guards it.
 */
final class LabelTable {

    static final String INBOX = "INBOX";
    static final String SENT = "SENT";
    static final String UNREAD = "UNREAD";
    static final String STARRED = "STARRED";
    static final List<String> SYSTEM = List.of(INBOX, SENT, UNREAD, STARRED);

    private static final String ARCHIVE = "archive";

    private final Map<String, String> userIdsByName = new LinkedHashMap<>();
    private final Map<String, String> userNamesById = new LinkedHashMap<>();
    private int nextUserLabel = 1;

    /**
     * The label a folder maps to: Inbox → INBOX, Sent → SENT, Archive → none (null), any other name → a
     * user label, created on first use. A label id (INBOX, Label_3) is accepted as itself.
     */
    String folderLabel(String folder) {
        String name = folder.trim();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("inbox")) {
            return INBOX;
        }
        if (lower.equals("sent")) {
            return SENT;
        }
        if (lower.equals(ARCHIVE)) {
            return null;
        }
        if (userNamesById.containsKey(name)) {
            return name;
        }
        if (name.isEmpty() || name.equals(UNREAD) || name.equals(STARRED)) {
            throw new IllegalArgumentException("Not a folder: '" + folder + "'");
        }
        return userIdsByName.computeIfAbsent(lower, key -> {
            String id = "Label_" + nextUserLabel++;
            userNamesById.put(id, name);
            return id;
        });
    }

    boolean exists(String labelId) {
        return SYSTEM.contains(labelId) || userNamesById.containsKey(labelId);
    }

    /** The labels as {@code users.labels.list} describes them. */
    List<Map<String, Object>> describe() {
        List<Map<String, Object>> labels = new ArrayList<>();
        for (String id : SYSTEM) {
            labels.add(label(id, id, "system"));
        }
        userNamesById.forEach((id, name) -> labels.add(label(id, name, "user")));
        return labels;
    }

    private static Map<String, Object> label(String id, String name, String type) {
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("id", id);
        label.put("name", name);
        if (type.equals("user")) {
            label.put("messageListVisibility", "show");
            label.put("labelListVisibility", "labelShow");
        }
        label.put("type", type);
        return label;
    }
}
