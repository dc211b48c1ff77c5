package dev.syncline.emulator.gmail;

import dev.syncline.emulator.mailbox.GeneratedAttachment;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailSnapshotItem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The mail of one Gmail user: messages newest first, labels, threads and history, behind one
 * read-write lock. Listing seeks from the page token, so a page costs O(log n + page size) also in a
 * 100,000-message mailbox. Every change takes a new history id and appends a history record.
 */
final class MessageStore {

    /** Where a fresh mailbox's history ids start; Gmail's are large numbers too. */
    static final long FIRST_HISTORY_ID = 100_000;
    /** A re-seed jumps ahead, so that no history id handed out before means anything afterwards. */
    private static final long RESEED_GAP = 1_000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Clock clock;
    private final NavigableMap<Long, StoredMessage> messages = new TreeMap<>(Comparator.reverseOrder());
    private final Map<String, Long> threadIdsByKey = new HashMap<>();
    private final Map<Long, Integer> threadSizes = new HashMap<>();
    private final Map<String, Integer> labelCounts = new HashMap<>();
    private final HistoryLog history = new HistoryLog(FIRST_HISTORY_ID);
    private LabelTable labels = new LabelTable();
    private long historyId = FIRST_HISTORY_ID;
    private long epoch;
    private long sequence;
    private boolean pristine = true;
    private volatile boolean serviceEnabled = true;

    MessageStore(Clock clock) {
        this.clock = clock;
    }

    List<String> seed(GeneratedMailbox mailbox) {
        return write(() -> {
            historyId = pristine ? FIRST_HISTORY_ID : historyId + RESEED_GAP;
            pristine = false;
            epoch++;
            sequence = 0;
            messages.clear();
            threadIdsByKey.clear();
            threadSizes.clear();
            labelCounts.clear();
            labels = new LabelTable();
            mailbox.folders().forEach(labels::folderLabel);
            List<String> ids = new ArrayList<>(mailbox.messages().size());
            for (GeneratedMessage message : mailbox.messages()) {
                ids.add(GmailIds.format(store(message).id()));
            }
            // Seeded mail is simply there: no history before the seed, and no id before it is valid.
            history.restartAt(historyId);
            return ids;
        });
    }

    String add(GeneratedMessage message) {
        return write(() -> {
            StoredMessage stored = store(message);
            history.append(HistoryRecord.added(historyId, stored));
            return GmailIds.format(stored.id());
        });
    }

    void update(String id, boolean unread, String newSubject) {
        write(() -> {
            StoredMessage before = require(id);
            boolean unreadChanged = before.unread() != unread;
            boolean subjectChanged = newSubject != null && !newSubject.equals(subjectOf(before));
            if (!unreadChanged && !subjectChanged) {
                return null;
            }
            StoredMessage after = replace(before, before.folderLabel(), unread,
                    subjectChanged ? newSubject : before.changedSubject());
            List<String> unreadLabel = List.of(LabelTable.UNREAD);
            // Gmail messages are immutable; a changed subject is shown as the message arriving anew, so an
            // incremental client fetches it again.
            history.append(new HistoryRecord(historyId, after.id(), after.threadId(), after.labelIds(), subjectChanged,
                    false, unreadChanged && unread ? unreadLabel : List.of(),
                    unreadChanged && !unread ? unreadLabel : List.of()));
            return null;
        });
    }

    void move(String id, String folder) {
        write(() -> {
            StoredMessage before = require(id);
            String target = labels.folderLabel(folder);
            if (Objects.equals(target, before.folderLabel())) {
                return null;
            }
            StoredMessage after = replace(before, target, before.unread(), before.changedSubject());
            history.append(HistoryRecord.labelsChanged(historyId, after,
                    target == null ? List.of() : List.of(target),
                    before.folderLabel() == null ? List.of() : List.of(before.folderLabel())));
            return null;
        });
    }

    void delete(String id) {
        write(() -> {
            StoredMessage gone = require(id);
            messages.remove(gone.id());
            count(gone, -1);
            historyId++;
            history.append(HistoryRecord.deleted(historyId, gone));
            return null;
        });
    }

    void expireCursors() {
        write(() -> {
            pristine = false;
            historyId++;
            epoch++;
            history.restartAt(historyId);
            return null;
        });
    }

    boolean serviceEnabled() {
        return serviceEnabled;
    }

    void setServiceEnabled(boolean enabled) {
        serviceEnabled = enabled;
    }

    Profile profile() {
        return read(() -> new Profile(messages.size(), threadSizes.size(), historyId));
    }

    List<Map<String, Object>> describeLabels() {
        return read(() -> labels.describe());
    }

    /**
     * A page of message ids newest first, with all the given labels.
     *
     * @throws GmailApiException 400 for an unknown label or a page token this mailbox did not issue
     */
    MessageList list(List<String> labelIds, int max, String pageToken) {
        return read(() -> {
            for (String labelId : labelIds) {
                if (!labels.exists(labelId)) {
                    throw GmailApiException.invalidArgument("Invalid label: " + labelId);
                }
            }
            NavigableMap<Long, StoredMessage> rest = messages;
            if (pageToken != null) {
                rest = messages.tailMap(position(pageToken), false);
            }
            List<StoredMessage> page = new ArrayList<>(Math.min(max, 512));
            Iterator<StoredMessage> candidates = rest.values().iterator();
            long lastScanned = 0;
            while (candidates.hasNext() && page.size() < max) {
                StoredMessage candidate = candidates.next();
                lastScanned = candidate.id();
                if (labelIds.stream().allMatch(candidate::hasLabel)) {
                    page.add(candidate);
                }
            }
            String next = candidates.hasNext() ? PageToken.encode(epoch, lastScanned) : null;
            int estimate = labelIds.stream().mapToInt(l -> labelCounts.getOrDefault(l, 0)).min().orElse(messages.size());
            return new MessageList(page, next, estimate);
        });
    }

    Optional<StoredMessage> find(long id) {
        return read(() -> Optional.ofNullable(messages.get(id)));
    }

    /**
     * History after {@code startHistoryId}.
     *
     * @throws GmailApiException 404 when the start id is stale or unknown, 400 for a foreign page token
     */
    HistoryPage history(long startHistoryId, Set<String> types, String labelId, int max, String pageToken) {
        return read(() -> {
            if (!history.accepts(startHistoryId, historyId)) {
                throw GmailApiException.notFound();
            }
            long after = pageToken == null ? startHistoryId : Math.max(startHistoryId, position(pageToken));
            HistoryLog.Slice slice = history.after(after, types, labelId, max);
            String next = slice.more() ? PageToken.encode(epoch, slice.lastScanned()) : null;
            return new HistoryPage(slice.records(), next, historyId);
        });
    }

    List<MailSnapshotItem> snapshot() {
        List<StoredMessage> all = read(() -> new ArrayList<>(messages.descendingMap().values()));
        List<MailSnapshotItem> items = new ArrayList<>(all.size());
        for (StoredMessage message : all) {
            MessageContent content = message.content().unpack();
            items.add(new MailSnapshotItem(GmailIds.format(message.id()), GmailIds.format(message.threadId()), null,
                    Set.copyOf(message.labelIds()), subjectOf(message, content),
                    content.from() == null ? null : content.from().email(), Instant.ofEpochMilli(message.internalDate()),
                    message.unread(), content.attachments().stream().map(GeneratedAttachment::name)
                    .collect(Collectors.toUnmodifiableSet())));
        }
        return items;
    }

    static String subjectOf(StoredMessage message, MessageContent content) {
        return message.changedSubject() != null ? message.changedSubject() : content.subject();
    }

    private String subjectOf(StoredMessage message) {
        return subjectOf(message, message.content().unpack());
    }

    /** Stores a new message under the next history id; the caller appends history if it wants any. */
    private StoredMessage store(GeneratedMessage message) {
        pristine = false;
        historyId++;
        Instant arrival = message.receivedAt() != null ? message.receivedAt() : clock.instant();
        long id = GmailIds.compose(arrival, sequence++);
        while (messages.containsKey(id)) {
            id = GmailIds.compose(arrival, sequence++);
        }
        long messageId = id;
        long threadId = message.thread() == null ? id : threadIdsByKey.computeIfAbsent(message.thread(), key -> messageId);
        StoredMessage stored = new StoredMessage(id, threadId, arrival.toEpochMilli(), labels.folderLabel(message.folder()),
                message.unread(), message.starred(), null, historyId, PackedContent.pack(MessageContent.of(message)));
        messages.put(id, stored);
        count(stored, 1);
        return stored;
    }

    private StoredMessage replace(StoredMessage before, String folderLabel, boolean unread, String changedSubject) {
        historyId++;
        StoredMessage after = before.withState(folderLabel, unread, changedSubject, historyId);
        count(before, -1);
        messages.put(after.id(), after);
        count(after, 1);
        return after;
    }

    private void count(StoredMessage message, int delta) {
        for (String label : message.labelIds()) {
            labelCounts.merge(label, delta, Integer::sum);
        }
        threadSizes.merge(message.threadId(), delta, (a, b) -> a + b == 0 ? null : a + b);
    }

    private StoredMessage require(String id) {
        OptionalLong parsed = GmailIds.parse(id);
        StoredMessage message = parsed.isPresent() ? messages.get(parsed.getAsLong()) : null;
        if (message == null) {
            throw new NoSuchElementException("No message " + id);
        }
        return message;
    }

    private long position(String pageToken) {
        OptionalLong position = PageToken.decode(pageToken, epoch);
        if (position.isEmpty()) {
            throw GmailApiException.invalidArgument("Invalid pageToken");
        }
        return position.getAsLong();
    }

    private <T> T read(Supplier<T> action) {
        return locked(lock.readLock(), action);
    }

    private <T> T write(Supplier<T> action) {
        return locked(lock.writeLock(), action);
    }

    private static <T> T locked(Lock lock, Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** What {@code users.getProfile} reports. */
    record Profile(int messagesTotal, int threadsTotal, long historyId) {
    }

    /** One page of {@code users.messages.list}. */
    record MessageList(List<StoredMessage> messages, String nextPageToken, int resultSizeEstimate) {
    }

    /** One page of {@code users.history.list}; {@code historyId} is the mailbox's current one. */
    record HistoryPage(List<HistoryRecord> records, String nextPageToken, long historyId) {
    }
}
