package dev.syncline.providers.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where a mail sync stands, per folder: pending (no link yet: a fresh delta), paging (a next link), or done
 * (its delta link). A position is a state with folders still to read; a cursor ({@code cursor} true) is the
 * state after every folder reached its delta link: folder id → delta link, where the next sync starts.
 *
 * @param estimatedTotal on a full sync, the sum of the folders' item counts when it started; else null
 */
record MailSyncState(boolean cursor, Long estimatedTotal, List<Folder> folders) {

    MailSyncState {
        folders = List.copyOf(folders);
    }

    Optional<Folder> nextUnfinished() {
        return folders.stream().filter(folder -> !folder.done()).findFirst();
    }

    boolean finished() {
        return nextUnfinished().isEmpty();
    }

    MailSyncState with(Folder changed) {
        List<Folder> updated = new ArrayList<>(folders);
        updated.replaceAll(folder -> folder.id().equals(changed.id()) ? changed : folder);
        return new MailSyncState(cursor, estimatedTotal, updated);
    }

    MailSyncState asCursor() {
        return new MailSyncState(true, null, folders);
    }

    /**
     * One folder's progress.
     *
     * @param name the display name, which becomes the label of its messages
     * @param link the next link while paging, the delta link when done, null before the first request
     */
    record Folder(String id, String name, String link, boolean done) {

        static Folder pending(String id, String name) {
            return new Folder(id, name, null, false);
        }

        Folder continuedAt(String nextLink) {
            return new Folder(id, name, nextLink, false);
        }

        Folder finishedAt(String deltaLink) {
            return new Folder(id, name, deltaLink, true);
        }

        /** A folder of a cursor, read again from its delta link (renamed, if Graph now names it so). */
        Folder restartedAs(String currentName) {
            return new Folder(id, currentName, link, false);
        }
    }
}
