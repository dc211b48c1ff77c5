package dev.syncline.emulator.graph;

import dev.syncline.emulator.mailbox.GeneratedAttachment;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailSnapshotItem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The Outlook mail of one user: folders, messages and each folder's change log. Reads (delta pages,
 * listings) share a read lock; changes take the write lock.
 *
 * <p>Generated folder names map to Graph's: {@code Inbox} is the well-known {@code inbox}, {@code Sent} is
 * {@code sentitems} (display name "Sent Items"), {@code Archive} is {@code archive}; any other name is a
 * user folder, made when first named. Well-known names also work as folder ids.
 */
final class MailStore {

    private static final List<WellKnown> WELL_KNOWN = List.of(
            new WellKnown("inbox", "Inbox", "Inbox"),
            new WellKnown("sentitems", "Sent Items", "Sent"),
            new WellKnown("archive", "Archive", "Archive"));

    private final GraphIds ids;
    private final String rootFolderId;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, MailFolder> folders = new LinkedHashMap<>();
    private final Map<String, StoredMessage> messages = new HashMap<>();
    private long nextMessageSerial = 1;
    private long nextFolderSerial = 1;
    private long sequence;
    private int generation;

    MailStore(GraphIds ids) {
        this.ids = ids;
        this.rootFolderId = ids.folder(0);
        createWellKnownFolders();
    }

    GraphIds ids() {
        return ids;
    }

    List<String> seed(GeneratedMailbox mailbox) {
        return write(() -> {
            folders.clear();
            messages.clear();
            generation++;
            createWellKnownFolders();
            mailbox.folders().forEach(this::folderNamed);
            List<String> added = new ArrayList<>(mailbox.messages().size());
            mailbox.messages().forEach(message -> added.add(insert(message)));
            return added;
        });
    }

    String add(GeneratedMessage message) {
        return write(() -> insert(message));
    }

    void update(String id, boolean unread, String newSubject) {
        write(() -> {
            StoredMessage message = existing(id);
            StoredMessage changed = message.withRead(!unread);
            if (newSubject != null) {
                changed = changed.withSubject(newSubject);
            }
            MailFolder folder = folders.get(message.folderId());
            folder.countOut(message);
            folder.countIn(changed);
            messages.put(changed.id(), changed);
            folder.changes().present(changed.id(), ++sequence);
            return null;
        });
    }

    void move(String id, String folderName) {
        write(() -> {
            StoredMessage message = existing(id);
            MailFolder target = folderNamed(folderName);
            if (target.id().equals(message.folderId())) {
                return null;
            }
            MailFolder source = folders.get(message.folderId());
            source.countOut(message);
            source.changes().removed(message.id(), message.generation(), ++sequence, "changed");
            StoredMessage moved = message.movedTo(target.id());
            target.countIn(moved);
            messages.put(moved.id(), moved);
            target.changes().present(moved.id(), ++sequence);
            return null;
        });
    }

    void delete(String id) {
        write(() -> {
            StoredMessage message = existing(id);
            messages.remove(message.id());
            MailFolder source = folders.get(message.folderId());
            source.countOut(message);
            source.changes().removed(message.id(), message.generation(), ++sequence, "deleted");
            return null;
        });
    }

    void expireCursors() {
        write(() -> generation++);
    }

    List<MailSnapshotItem> snapshot() {
        return read(() -> messages.values().stream()
                .sorted(Comparator.comparing(StoredMessage::id))
                .map(this::snapshotOf)
                .toList());
    }

    List<MailFolder.View> folders() {
        return read(() -> folders.values().stream().map(folder -> folder.view(rootFolderId)).toList());
    }

    Optional<MailFolder.View> folder(String ref) {
        return read(() -> Optional.ofNullable(resolve(ref)).map(folder -> folder.view(rootFolderId)));
    }

    /** The message named by its immutable id or its current REST id. */
    Optional<StoredMessage> message(String id) {
        return read(() -> find(id));
    }

    /** @throws GraphApiException 404 for an unknown folder, 410 for an expired token */
    DeltaPage<StoredMessage> delta(String folderRef, DeltaToken token, int pageSize, List<String> select) {
        return read(() -> {
            MailFolder folder = resolve(folderRef);
            if (folder == null) {
                throw GraphApiException.itemNotFound();
            }
            return DeltaRounds.page(folder.changes(), folder.id(), generation, sequence, token, pageSize, select,
                    "syncStateNotFound", messages::get);
        });
    }

    private String insert(GeneratedMessage generated) {
        GeneratedMessage content = toTheSecond(generated);
        MailFolder folder = folderNamed(content.folder());
        long serial = nextMessageSerial++;
        StoredMessage message = new StoredMessage(serial, ids.message(serial), content, content.subject(),
                !content.unread(), folder.id(), 0);
        messages.put(message.id(), message);
        folder.countIn(message);
        folder.changes().present(message.id(), ++sequence);
        return message.id();
    }

    /**
     * Graph gives {@code receivedDateTime} to the second. A message added with a finer time (a test's
     * {@code Instant.now()}) would otherwise show the client a time no real mailbox has, and one a client storing
     * microseconds could never match.
     */
    private static GeneratedMessage toTheSecond(GeneratedMessage message) {
        Instant receivedAt = message.receivedAt().truncatedTo(ChronoUnit.SECONDS);
        return receivedAt.equals(message.receivedAt()) ? message : new GeneratedMessage(message.key(), message.thread(),
                message.folder(), message.from(), message.to(), message.cc(), message.subject(), message.body(), receivedAt,
                message.unread(), message.starred(), message.attachments());
    }

    private StoredMessage existing(String id) {
        return find(id).orElseThrow(() -> new NoSuchElementException("No message " + id));
    }

    private Optional<StoredMessage> find(String id) {
        return ids.parseMessage(id).flatMap(ref -> Optional.ofNullable(messages.get(ids.message(ref.serial())))
                .filter(message -> ref.generation().isEmpty() || ref.generation().getAsInt() == message.generation()));
    }

    private MailFolder resolve(String ref) {
        MailFolder byId = folders.get(ref);
        if (byId != null) {
            return byId;
        }
        return folders.values().stream()
                .filter(folder -> folder.wellKnownName() != null && folder.wellKnownName().equalsIgnoreCase(ref))
                .findFirst().orElse(null);
    }

    /** A folder by id, well-known name, generated name or display name; a new user folder otherwise. */
    private MailFolder folderNamed(String name) {
        MailFolder known = resolve(name);
        if (known != null) {
            return known;
        }
        Optional<WellKnown> wellKnown = WELL_KNOWN.stream()
                .filter(w -> w.generatedName().equalsIgnoreCase(name) || w.displayName().equalsIgnoreCase(name))
                .findFirst();
        if (wellKnown.isPresent()) {
            return resolve(wellKnown.get().name());
        }
        return folders.values().stream().filter(folder -> folder.displayName().equalsIgnoreCase(name)).findFirst()
                .orElseGet(() -> addFolder(name, null));
    }

    private void createWellKnownFolders() {
        WELL_KNOWN.forEach(w -> addFolder(w.displayName(), w.name()));
    }

    private MailFolder addFolder(String displayName, String wellKnownName) {
        MailFolder folder = new MailFolder(ids.folder(nextFolderSerial++), displayName, wellKnownName);
        folders.put(folder.id(), folder);
        return folder;
    }

    private MailSnapshotItem snapshotOf(StoredMessage message) {
        GeneratedMessage content = message.content();
        Set<String> attachmentNames = content.attachments().stream().map(GeneratedAttachment::name)
                .collect(Collectors.toUnmodifiableSet());
        return new MailSnapshotItem(message.id(), ids.conversation(content.thread()), message.folderId(),
                Set.of(folders.get(message.folderId()).displayName()), message.subject(), content.from().email(),
                content.receivedAt(), !message.read(), attachmentNames);
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private record WellKnown(String name, String displayName, String generatedName) {
    }
}
