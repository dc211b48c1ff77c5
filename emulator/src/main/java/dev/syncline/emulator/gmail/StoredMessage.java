package dev.syncline.emulator.gmail;

import java.util.ArrayList;
import java.util.List;

/**
 * One message as the mailbox holds it: ids, the mutable state (folder label, read and starred flags,
 * a changed subject, the history id of its last change) and its packed content. Immutable; a change
 * stores a copy.
 *
 * @param folderLabel     INBOX, SENT, a user label id, or null for archived mail
 * @param changedSubject  the subject after an update, or null while it is the original one
 */
record StoredMessage(
        long id,
        long threadId,
        long internalDate,
        String folderLabel,
        boolean unread,
        boolean starred,
        String changedSubject,
        long historyId,
        PackedContent content) {

    /** Label ids in the order Gmail tends to give them: flags first, then the folder. */
    List<String> labelIds() {
        List<String> labels = new ArrayList<>(3);
        if (starred) {
            labels.add(LabelTable.STARRED);
        }
        if (unread) {
            labels.add(LabelTable.UNREAD);
        }
        if (folderLabel != null) {
            labels.add(folderLabel);
        }
        return labels;
    }

    boolean hasLabel(String labelId) {
        return labelId.equals(folderLabel)
                || (unread && labelId.equals(LabelTable.UNREAD))
                || (starred && labelId.equals(LabelTable.STARRED));
    }

    StoredMessage withState(String newFolderLabel, boolean newUnread, String newSubject, long newHistoryId) {
        return new StoredMessage(id, threadId, internalDate, newFolderLabel, newUnread, starred, newSubject,
                newHistoryId, content);
    }
}
