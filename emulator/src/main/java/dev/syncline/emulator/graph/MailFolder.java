package dev.syncline.emulator.graph;

/**
 * A mail folder of one mailbox with its change log and item counts. Mutable; guarded by its
 * {@link MailStore}.
 *
 * @see MailStore
 */
final class MailFolder {

    private final String id;
    private final String displayName;
    private final String wellKnownName;
    private final ChangeLog changes = new ChangeLog();
    private int total;
    private int unread;

    MailFolder(String id, String displayName, String wellKnownName) {
        this.id = id;
        this.displayName = displayName;
        this.wellKnownName = wellKnownName;
    }

    String id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    /** {@code inbox}, {@code sentitems} or {@code archive}; null for a user folder. */
    String wellKnownName() {
        return wellKnownName;
    }

    ChangeLog changes() {
        return changes;
    }

    void countIn(StoredMessage message) {
        total++;
        unread += message.read() ? 0 : 1;
    }

    void countOut(StoredMessage message) {
        total--;
        unread -= message.read() ? 0 : 1;
    }

    View view(String parentFolderId) {
        return new View(id, displayName, parentFolderId, total, unread);
    }

    /** What a folder listing shows, copied under the store's lock. */
    record View(String id, String displayName, String parentFolderId, int totalItemCount, int unreadItemCount) {
    }
}
