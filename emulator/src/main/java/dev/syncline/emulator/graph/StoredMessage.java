package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.GeneratedMessage;

/**
 * A message as the store holds it: the generated content by reference (so a 100,000-message mailbox costs
 * little beyond the generated data) and the few things that change. Immutable; a change stores a copy.
 *
 * @param generation how often it moved between folders: part of its REST id, which changes on every move
 */
record StoredMessage(long serial, String id, GeneratedMessage content, String subject, boolean read, String folderId,
                     int generation) {

    StoredMessage withRead(boolean isRead) {
        return new StoredMessage(serial, id, content, subject, isRead, folderId, generation);
    }

    StoredMessage withSubject(String newSubject) {
        return new StoredMessage(serial, id, content, newSubject, read, folderId, generation);
    }

    StoredMessage movedTo(String newFolderId) {
        return new StoredMessage(serial, id, content, subject, read, newFolderId, generation + 1);
    }
}
