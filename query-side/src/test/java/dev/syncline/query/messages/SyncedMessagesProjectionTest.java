package dev.syncline.query.messages;

import static dev.syncline.query.sealed.ContentEvents.OWNER;
import static dev.syncline.query.sealed.ContentEvents.WORKSPACE;
import static dev.syncline.query.sealed.ContentEvents.completed;
import static dev.syncline.query.sealed.ContentEvents.mailPage;
import static dev.syncline.query.sealed.ContentEvents.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.FindMessageQuery;
import dev.syncline.messages.sync.MessageView;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.query.sealed.ContentDatabase;
import dev.syncline.query.sealed.PlainJsonSealedContent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncedMessagesProjectionTest {

    private static final String GMAIL = "acc-gmail";
    private static final String OUTLOOK = "acc-outlook";
    private static final String INBOX = "folder-inbox";
    private static final String ARCHIVE = "folder-archive";
    private static final String SYNC_1 = "sync-1";
    private static final String SYNC_2 = "sync-2";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FETCHED = Instant.parse("2026-03-02T08:00:00Z");

    private ContentDatabase database;
    private PlainJsonSealedContent content;
    private SyncedMessagesProjection projection;
    private MessageQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = ContentDatabase.create("SyncedMessagesProjectionTest");
        queries = new MessageQueryHandler(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        database.jdbc().sql("TRUNCATE synced_messages").update();
        content = new PlainJsonSealedContent();
        projection = new SyncedMessagesProjection(database.dataSource(), content);
    }

    @Test
    void aPageIsStoredWithEveryColumnUnderAStableId() {
        SyncedMessage full = new SyncedMessage("m-1", "t-1", INBOX, List.of("Inbox", "Important"),
                new EmailAddress("Bob Sender", "bob@example.com"),
                List.of(new EmailAddress("Alice", "alice@example.com"), new EmailAddress(null, "carol@example.com")),
                List.of(new EmailAddress("Dave", "dave@example.com")), "Quarterly numbers", "The numbers are in",
                "The numbers are in. See attached.", true, at(5), true,
                List.of(new AttachmentInfo("q1.xlsx", "application/vnd.ms-excel", 12_345)));

        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(full, message("m-2", at(6))), List.of()), FETCHED);

        assertThat(database.count("synced_messages")).isEqualTo(2);
        MessageView view = find(OUTLOOK, "m-1").orElseThrow();
        assertThat(view.id()).isEqualTo(SyncedMessagesProjection.idOf(OUTLOOK, "m-1").toString());
        assertThat(view.accountId()).isEqualTo(OUTLOOK);
        assertThat(view.externalId()).isEqualTo("m-1");
        assertThat(view.threadId()).isEqualTo("t-1");
        assertThat(view.folderId()).isEqualTo(INBOX);
        assertThat(view.labels()).containsExactly("Inbox", "Important");
        assertThat(view.from()).isEqualTo(new EmailAddress("Bob Sender", "bob@example.com"));
        assertThat(view.to()).containsExactly(new EmailAddress("Alice", "alice@example.com"), new EmailAddress(null, "carol@example.com"));
        assertThat(view.cc()).containsExactly(new EmailAddress("Dave", "dave@example.com"));
        assertThat(view.subject()).isEqualTo("Quarterly numbers");
        assertThat(view.snippet()).isEqualTo("The numbers are in");
        assertThat(view.body()).isEqualTo("The numbers are in. See attached.");
        assertThat(view.bodyTruncated()).isTrue();
        assertThat(view.receivedAt()).isEqualTo(at(5));
        assertThat(view.unread()).isTrue();
        assertThat(view.hasAttachments()).isTrue();
        assertThat(view.attachments()).containsExactly(new AttachmentInfo("q1.xlsx", "application/vnd.ms-excel", 12_345));
        assertThat(view.updatedAt()).isEqualTo(FETCHED);
        assertThat(lastSeenSync(OUTLOOK, "m-1")).isEqualTo(SYNC_1);
    }

    @Test
    void aDuplicatePageChangesNothing() {
        var page = mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1)), message("m-2", at(2))), List.of());
        projection.on(page, FETCHED);
        String before = database.checksum("synced_messages");

        projection.on(page, FETCHED);

        assertThat(database.checksum("synced_messages")).isEqualTo(before);
        assertThat(database.count("synced_messages")).isEqualTo(2);
    }

    @Test
    void aMessageSeenAgainIsUpdatedInPlace() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1))), List.of()), FETCHED);
        String id = find(GMAIL, "m-1").orElseThrow().id();
        SyncedMessage read = new SyncedMessage("m-1", "thread-m-1", null, List.of("INBOX", "STARRED"),
                new EmailAddress("Bob Sender", "bob@example.com"), List.of(), List.of(), "Subject m-1", "Snippet m-1",
                "Body of m-1", false, at(1), false, List.of());

        projection.on(mailPage(GMAIL, SYNC_2, List.of(read), List.of()), FETCHED.plusSeconds(60));

        MessageView view = find(GMAIL, "m-1").orElseThrow();
        assertThat(view.id()).isEqualTo(id);
        assertThat(view.unread()).isFalse();
        assertThat(view.labels()).containsExactly("INBOX", "STARRED");
        assertThat(view.updatedAt()).isEqualTo(FETCHED.plusSeconds(60));
        assertThat(lastSeenSync(GMAIL, "m-1")).isEqualTo(SYNC_2);
        assertThat(database.count("synced_messages")).isEqualTo(1);
    }

    @Test
    void aMessageListedTwiceInOnePageIsStoredOnceAsLastListed() {
        SyncedMessage older = message("m-1", at(1));
        SyncedMessage newer = message("m-1", null, List.of("SENT"), older.from(), at(1), false);

        projection.on(mailPage(GMAIL, SYNC_1, List.of(older, newer), List.of()), FETCHED);

        assertThat(database.count("synced_messages")).isEqualTo(1);
        assertThat(find(GMAIL, "m-1").orElseThrow().labels()).containsExactly("SENT");
    }

    @Test
    void aRemovalWithoutScopeDeletesTheMessageWhereverItIs() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1)), message("m-2", at(2))), List.of()), FETCHED);

        projection.on(mailPage(GMAIL, SYNC_2, List.of(), List.of(new RemovedItem("m-1", null))), FETCHED);

        assertThat(find(GMAIL, "m-1")).isEmpty();
        assertThat(find(GMAIL, "m-2")).isPresent();
    }

    @Test
    void aScopedRemovalDeletesTheMessageOnlyFromTheFolderItLeft() {
        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(inFolder("m-moved", INBOX), inFolder("m-deleted", INBOX)), List.of()),
                FETCHED);

        // The move reached us first as the message in its new folder, then as its removal from the old one.
        projection.on(mailPage(OUTLOOK, SYNC_2, List.of(inFolder("m-moved", ARCHIVE)), List.of()), FETCHED);
        projection.on(mailPage(OUTLOOK, SYNC_2, List.of(),
                List.of(new RemovedItem("m-moved", INBOX), new RemovedItem("m-deleted", INBOX))), FETCHED);

        assertThat(find(OUTLOOK, "m-moved")).hasValueSatisfying(view -> assertThat(view.folderId()).isEqualTo(ARCHIVE));
        assertThat(find(OUTLOOK, "m-deleted")).isEmpty();
    }

    @Test
    void aRemovalOfAnUnknownMessageIsHarmless() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1))), List.of()), FETCHED);

        projection.on(mailPage(GMAIL, SYNC_2, List.of(), List.of(new RemovedItem("m-never-seen", null))), FETCHED);

        assertThat(database.count("synced_messages")).isEqualTo(1);
    }

    @Test
    void aCompletedFullSyncRemovesExactlyTheMessagesItDidNotSee() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1)), message("m-2", at(2)), message("m-3", at(3))),
                List.of()), FETCHED);
        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(message("o-1", at(1))), List.of()), FETCHED);

        projection.on(mailPage(GMAIL, SYNC_2, List.of(message("m-1", at(1))), List.of()), FETCHED);
        projection.on(mailPage(GMAIL, SYNC_2, List.of(message("m-3", at(3)), message("m-4", at(4))), List.of()), FETCHED);
        projection.on(completed(GMAIL, SyncChannel.MAIL, SYNC_2, SyncKind.FULL));

        assertThat(externalIds(GMAIL)).containsExactlyInAnyOrder("m-1", "m-3", "m-4");
        assertThat(externalIds(OUTLOOK)).containsExactly("o-1");
    }

    @Test
    void anIncrementalCompletionRemovesNothing() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1)), message("m-2", at(2))), List.of()), FETCHED);
        projection.on(mailPage(GMAIL, SYNC_2, List.of(message("m-3", at(3))), List.of()), FETCHED);

        projection.on(completed(GMAIL, SyncChannel.MAIL, SYNC_2, SyncKind.INCREMENTAL));

        assertThat(externalIds(GMAIL)).containsExactlyInAnyOrder("m-1", "m-2", "m-3");
    }

    @Test
    void aFullSyncOfTheCalendarLeavesTheMailAlone() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1))), List.of()), FETCHED);

        projection.on(completed(GMAIL, SyncChannel.CALENDAR, SYNC_2, SyncKind.FULL));

        assertThat(externalIds(GMAIL)).containsExactly("m-1");
    }

    @Test
    void aDisconnectDeletesTheMessagesOfThatAccountOnly() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1)), message("m-2", at(2))), List.of()), FETCHED);
        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(message("o-1", at(1))), List.of()), FETCHED);

        projection.on(new AccountDisconnectedEvent(GMAIL, WORKSPACE));

        assertThat(externalIds(GMAIL)).isEmpty();
        assertThat(externalIds(OUTLOOK)).containsExactly("o-1");
    }

    @Test
    void aPageWhoseDataKeyWasDestroyedIsSkippedAndCounted() {
        content.destroyKeyOf(GMAIL);

        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1))), List.of()), FETCHED);
        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(message("o-1", at(1))), List.of()), FETCHED);

        assertThat(externalIds(GMAIL)).isEmpty();
        assertThat(externalIds(OUTLOOK)).containsExactly("o-1");
        assertThat(projection.skippedPages()).isEqualTo(1);
    }

    @Test
    void resetEmptiesTheTable() {
        projection.on(mailPage(GMAIL, SYNC_1, List.of(message("m-1", at(1))), List.of()), FETCHED);

        projection.reset();

        assertThat(database.count("synced_messages")).isZero();
    }

    @Test
    void aBodyLongerThanTheLimitIsCutAndFlagged() {
        String body = "x".repeat(SyncedMessagesProjection.MAX_BODY_CHARS + 10);
        SyncedMessage longMessage = new SyncedMessage("m-long", null, null, List.of(), null, List.of(), List.of(), null, null,
                body, false, at(1), false, List.of());

        projection.on(mailPage(GMAIL, SYNC_1, List.of(longMessage), List.of()), FETCHED);

        MessageView view = find(GMAIL, "m-long").orElseThrow();
        assertThat(view.body()).hasSize(SyncedMessagesProjection.MAX_BODY_CHARS);
        assertThat(view.bodyTruncated()).isTrue();
        assertThat(view.from()).isNull();
    }

    @Test
    void nulCharactersThatPostgresRefusesAreLeftOut() {
        SyncedMessage withNul = new SyncedMessage("m-nul", null, null, List.of("IN\0BOX"), new EmailAddress("B\0ob", "bob@example.com"),
                List.of(new EmailAddress("Al\0ice", "alice@example.com")), List.of(), "Sub\0ject", null, "Bo\0dy", false, at(1),
                false, List.of());

        projection.on(mailPage(GMAIL, SYNC_1, List.of(withNul), List.of()), FETCHED);

        MessageView view = find(GMAIL, "m-nul").orElseThrow();
        assertThat(view.subject()).isEqualTo("Subject");
        assertThat(view.body()).isEqualTo("Body");
        assertThat(view.labels()).containsExactly("INBOX");
        assertThat(view.from().name()).isEqualTo("Bob");
        assertThat(view.to()).containsExactly(new EmailAddress("Alice", "alice@example.com"));
    }

    @Test
    void aMessageWithoutADateIsDatedWhenItWasFetched() {
        projection.on(mailPage(OUTLOOK, SYNC_1, List.of(message("draft", INBOX, List.of(), null, null, false)), List.of()), FETCHED);

        assertThat(find(OUTLOOK, "draft").orElseThrow().receivedAt()).isEqualTo(FETCHED);
    }

    private Optional<MessageView> find(String accountId, String externalId) {
        return queries.handle(new FindMessageQuery(WORKSPACE, OWNER, SyncedMessagesProjection.idOf(accountId, externalId).toString()));
    }

    private List<String> externalIds(String accountId) {
        return database.jdbc().sql("SELECT external_id FROM synced_messages WHERE account_id = :accountId ORDER BY external_id")
                .param("accountId", accountId)
                .query(String.class)
                .list();
    }

    private String lastSeenSync(String accountId, String externalId) {
        return database.jdbc().sql("SELECT last_seen_sync FROM synced_messages WHERE account_id = :a AND external_id = :e")
                .param("a", accountId).param("e", externalId)
                .query(String.class).single();
    }

    private static SyncedMessage inFolder(String externalId, String folderId) {
        return message(externalId, folderId, List.of(), new EmailAddress("Bob", "bob@example.com"), at(1), true);
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }
}
