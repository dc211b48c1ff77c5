package dev.syncline.providers.gmail;

import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.TransientProviderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import static dev.syncline.providers.gmail.EmulatedGmail.EMAIL;
import static dev.syncline.providers.gmail.EmulatedGmail.NOW;
import static dev.syncline.providers.gmail.EmulatedGmail.asSnapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GmailMessageSourceTest {

    @RegisterExtension
    final EmulatedGmail gmail = new EmulatedGmail();

    @Test
    void aFullSyncReadsTheWholeMailboxExactlyAsGmailHoldsIt() {
        gmail.seed(1_500, 5);
        SyncDriver driver = new SyncDriver(new GmailMessageSource(gmail.settings()), gmail.access());

        String cursor = driver.syncFrom(null);

        assertThat(cursor).isNotNull();
        assertThat(driver.pages()).hasSize(3).allSatisfy(page -> assertThat(page.estimatedTotal()).isEqualTo(1_500L));
        assertThat(driver.pages().get(0).upserted()).hasSize(500);
        assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot());
    }

    @Test
    void anIncrementalSyncAppliesAddedChangedMovedAndDeletedMessages() {
        gmail.seed(1_500, 5);
        Picker pick = new Picker(gmail.snapshot());
        String markedUnread = pick.first(item -> !item.unread());
        String renamed = pick.first(item -> true);
        String archived = pick.first(item -> item.labels().contains("INBOX"));
        String relabelled = pick.first(item -> !item.labels().contains("Label_1"));
        String deleted = pick.first(item -> true);
        String deletedToo = pick.first(item -> true);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        SyncDriver driver = new SyncDriver(source, gmail.access());
        String cursor = driver.syncFrom(null);

        String added = gmail.emulator().addMessage(EMAIL, newMessage("added-1", "Inbox"));
        String addedToLabel = gmail.emulator().addMessage(EMAIL, newMessage("added-2", "Travel"));
        gmail.emulator().updateMessage(EMAIL, markedUnread, true, null);
        gmail.emulator().updateMessage(EMAIL, renamed, false, "A subject changed elsewhere");
        gmail.emulator().moveMessage(EMAIL, archived, "Archive");
        gmail.emulator().moveMessage(EMAIL, relabelled, "Projects");
        gmail.emulator().deleteMessage(EMAIL, deleted);
        gmail.emulator().deleteMessage(EMAIL, deletedToo);
        gmail.emulator().resetCounters(EMAIL);
        String next = driver.syncFrom(cursor);

        assertThat(next).isNotEqualTo(cursor);
        assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot());
        assertThat(driver.copy()).containsKeys(added, addedToLabel).doesNotContainKeys(deleted, deletedToo);
        assertThat(driver.copy().get(renamed).subject()).isEqualTo("A subject changed elsewhere");
        assertThat(driver.copy().get(relabelled).labels()).contains("Label_1");
        // One history call and one batch of the six messages that changed: nothing else is fetched again.
        assertThat(gmail.emulator().counters(EMAIL).requests()).isEqualTo(1 + 6);
    }

    @Test
    void anIncrementalSyncWithoutChangesKeepsTheCursor() {
        gmail.seed(20, 1);
        SyncDriver driver = new SyncDriver(new GmailMessageSource(gmail.settings()), gmail.access());
        String cursor = driver.syncFrom(null);

        MessagesPage page = driver.apply(new GmailMessageSource(gmail.settings()).fetch(gmail.access(), cursor));

        assertThat(page.upserted()).isEmpty();
        assertThat(page.removed()).isEmpty();
        assertThat(page.cursor()).isEqualTo(cursor);
    }

    @Test
    void changesDuringAFullSyncAreSeenByTheNextIncrementalSync() {
        List<String> ids = seededIds(1_200, 3);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        SyncDriver driver = new SyncDriver(source, gmail.access());
        MessagesPage first = driver.apply(source.fetch(gmail.access(), null));
        String alreadySynced = first.upserted().get(1).externalId();

        String addedMeanwhile = gmail.emulator().addMessage(EMAIL, newMessage("meanwhile", "Inbox"));
        gmail.emulator().updateMessage(EMAIL, first.upserted().get(0).externalId(), true, "Changed meanwhile");
        gmail.emulator().deleteMessage(EMAIL, alreadySynced);
        gmail.emulator().deleteMessage(EMAIL, ids.get(0));
        String cursor = driver.syncFrom(first.nextPosition());
        driver.syncFrom(cursor);

        assertThat(driver.copy()).containsKey(addedMeanwhile).doesNotContainKeys(alreadySynced, ids.get(0));
        assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot());
    }

    @Test
    void aMessageAddedAndDeletedInOneWindowCancelsOut() {
        gmail.seed(50, 1);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        SyncDriver driver = new SyncDriver(source, gmail.access());
        String cursor = driver.syncFrom(null);

        String fleeting = gmail.emulator().addMessage(EMAIL, newMessage("fleeting", "Inbox"));
        gmail.emulator().updateMessage(EMAIL, fleeting, false, null);
        gmail.emulator().deleteMessage(EMAIL, fleeting);
        gmail.emulator().resetCounters(EMAIL);
        MessagesPage page = driver.apply(source.fetch(gmail.access(), cursor));

        assertThat(page.upserted()).isEmpty();
        assertThat(page.removed()).containsExactly(new RemovedItem(fleeting, null));
        assertThat(driver.copy()).doesNotContainKey(fleeting);
        assertThat(gmail.emulator().counters(EMAIL).requests()).as("only the history call").isEqualTo(1);
    }

    @Test
    void historyLongerThanOnePageIsReadPageByPage() {
        gmail.seed(20, 1);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        SyncDriver driver = new SyncDriver(source, gmail.access());
        String cursor = driver.syncFrom(null);
        IntStream.range(0, 620).forEach(i -> gmail.emulator().addMessage(EMAIL, newMessage("burst-" + i, "Inbox")));
        int pagesBefore = driver.pages().size();

        driver.syncFrom(cursor);

        assertThat(driver.pages().size() - pagesBefore).isEqualTo(2);
        assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot());
    }

    @Test
    void expiredCursorsAskForAFreshFullSync() {
        gmail.seed(600, 1);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        MessagesPage first = source.fetch(gmail.access(), null);
        String cursor = new SyncDriver(source, gmail.access()).syncFrom(null);

        gmail.emulator().expireCursors(EMAIL);

        assertThatThrownBy(() -> source.fetch(gmail.access(), cursor)).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> source.fetch(gmail.access(), first.nextPosition())).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void aPositionThatTheAdapterDidNotMakeIsTreatedAsExpired() {
        GmailMessageSource source = new GmailMessageSource(gmail.settings());

        assertThatThrownBy(() -> source.fetch(gmail.access(), "delta:abc")).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> source.fetch(gmail.access(), "history:not-a-number")).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void anExpiredAccessTokenIsRejected() {
        gmail.seed(10, 0);
        gmail.expireTokens();

        assertThatThrownBy(() -> new GmailMessageSource(gmail.settings()).fetch(gmail.access(), null))
                .isInstanceOf(AccessTokenRejectedException.class)
                .hasMessageNotContaining(gmail.access().accessToken());
    }

    @Test
    void anInjectedServiceUnavailableIsTransient() {
        gmail.seed(10, 0);
        gmail.emulator().injectFaults(EMAIL, 503, 1);

        assertThatThrownBy(() -> new GmailMessageSource(gmail.settings()).fetch(gmail.access(), null))
                .isInstanceOf(TransientProviderException.class);
    }

    @Test
    void anUnreachableGmailIsTransient() {
        GmailSettings nowhere = gmail.settings().withRootUrl("http://127.0.0.1:9/");

        assertThatThrownBy(() -> new GmailMessageSource(nowhere).fetch(gmail.access(), null))
                .isInstanceOf(TransientProviderException.class);
    }

    @Test
    void aMailboxWithoutMailServiceIsUnavailable() {
        gmail.seed(10, 0);
        gmail.emulator().setMailServiceEnabled(EMAIL, false);

        assertThatThrownBy(() -> new GmailMessageSource(gmail.settings()).fetch(gmail.access(), null))
                .isInstanceOf(MailboxUnavailableException.class);
    }

    @Test
    void aBodyOverTheLimitIsCutAndFlagged() {
        gmail.seed(5, 0);
        GeneratedMessage base = newMessage("long", "Inbox");
        String longBody = "x".repeat(30_000);
        String longId = gmail.emulator().addMessage(EMAIL, new GeneratedMessage(base.key(), base.thread(), base.folder(),
                base.from(), base.to(), base.cc(), base.subject(), longBody, base.receivedAt(), true, false, List.of()));
        SyncDriver driver = new SyncDriver(new GmailMessageSource(gmail.settings().withBodyLimit(20_000)), gmail.access());

        driver.syncFrom(null);

        SyncedMessage cut = driver.copy().get(longId);
        assertThat(cut.body()).hasSize(20_000);
        assertThat(cut.bodyTruncated()).isTrue();
        assertThat(driver.copy().values()).filteredOn(m -> !m.externalId().equals(longId))
                .allSatisfy(m -> assertThat(m.bodyTruncated()).isFalse());
    }

    @Test
    void aMessageIsMappedWithItsAddressesTextSnippetAndAttachments() {
        GeneratedMailbox mailbox = gmail.seed(200, 2);
        GeneratedMessage generated = mailbox.messages().stream()
                .filter(m -> !m.cc().isEmpty() && !m.attachments().isEmpty()).findFirst().orElseThrow();
        SyncDriver driver = new SyncDriver(new GmailMessageSource(gmail.settings()), gmail.access());

        driver.syncFrom(null);

        SyncedMessage synced = driver.copy().values().stream()
                .filter(m -> m.subject().equals(generated.subject())).findFirst().orElseThrow();
        assertThat(synced.from()).isEqualTo(new EmailAddress(generated.from().name(), generated.from().email()));
        assertThat(synced.to()).containsExactlyElementsOf(generated.to().stream()
                .map(a -> new EmailAddress(a.name(), a.email())).toList());
        assertThat(synced.cc()).containsExactlyElementsOf(generated.cc().stream()
                .map(a -> new EmailAddress(a.name(), a.email())).toList());
        assertThat(synced.body()).isEqualTo(generated.body());
        assertThat(synced.snippet()).startsWith("Hi,");
        assertThat(synced.folderId()).isNull();
        assertThat(synced.receivedAt()).isEqualTo(generated.receivedAt());
        assertThat(synced.attachments()).extracting(a -> a.name() + "|" + a.contentType() + "|" + a.size())
                .containsExactlyElementsOf(generated.attachments().stream()
                        .map(a -> a.name() + "|" + a.contentType() + "|" + a.size()).toList());
    }

    @Test
    void oneSourceServesManyAccountsFromManyThreads() throws Exception {
        gmail.seed(300, 2);
        GmailMessageSource source = new GmailMessageSource(gmail.settings());
        List<SyncDriver> drivers = IntStream.range(0, 4)
                .mapToObj(i -> new SyncDriver(source, new MailboxAccess("account-" + i, gmail.freshToken()))).toList();
        ExecutorService workers = Executors.newFixedThreadPool(drivers.size());
        try {
            List<Future<String>> cursors = drivers.stream().map(driver -> workers.submit(() -> driver.syncFrom(null))).toList();
            for (Future<String> cursor : cursors) {
                assertThat(cursor.get(60, TimeUnit.SECONDS)).startsWith("history:");
            }
        } finally {
            workers.shutdownNow();
        }

        assertThat(drivers).allSatisfy(driver -> assertThat(asSnapshot(driver.copy().values())).isEqualTo(gmail.snapshot()));
    }

    @Test
    void theSourceSpeaksForGoogle() {
        assertThat(new GmailMessageSource(gmail.settings()).provider()).isEqualTo(Provider.GOOGLE);
    }

    private List<String> seededIds(int messages, int folders) {
        gmail.seed(messages, folders);
        return gmail.snapshot().stream().map(MailSnapshotItem::id).toList();
    }

    /** Picks distinct messages from a snapshot, each the first that fits and was not picked yet. */
    private static final class Picker {

        private final List<MailSnapshotItem> items;
        private final Set<String> picked = new HashSet<>();

        Picker(List<MailSnapshotItem> items) {
            this.items = items;
        }

        String first(Predicate<MailSnapshotItem> wanted) {
            MailSnapshotItem item = items.stream().filter(i -> !picked.contains(i.id())).filter(wanted).findFirst().orElseThrow();
            picked.add(item.id());
            return item.id();
        }
    }

    private static GeneratedMessage newMessage(String key, String folder) {
        return MailboxGenerator.message(key.hashCode(), key, folder, NOW.plusSeconds(3_600));
    }
}
