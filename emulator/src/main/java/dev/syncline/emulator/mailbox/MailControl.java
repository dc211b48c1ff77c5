package dev.syncline.emulator.mailbox;

import java.util.List;

/**
 * Test and demo control of one provider's mail: fill a mailbox, change it the way a user or another
 * client would, make cursors expire, and read back exactly what the provider holds.
 * Ids are the provider's own ({@link MailSnapshotItem#id()}).
 */
public interface MailControl {

    /** Replaces the user's mail with a generated mailbox; answers the ids in generation order. */
    List<String> seed(String email, GeneratedMailbox mailbox);

    /** Adds a message as if it arrived now; answers its id. */
    String addMessage(String email, GeneratedMessage message);

    /** Marks the message read or unread, and changes its subject when {@code newSubject} is not null. */
    void updateMessage(String email, String id, boolean unread, String newSubject);

    /** Moves the message to another folder (Gmail: replaces its folder label). */
    void moveMessage(String email, String id, String folder);

    void deleteMessage(String email, String id);

    /** Every cursor and page token handed out so far for this user's mail stops working. */
    void expireCursors(String email);

    /** The user's mail as the provider holds it now, sorted by id. */
    List<MailSnapshotItem> snapshot(String email);

    /** Turns the provider's mail quotas and throttling on or off (off by default). */
    void setThrottling(boolean enabled);
}
