package dev.syncline.query.messages;

import static dev.syncline.query.sealed.ContentEvents.OWNER;
import static dev.syncline.query.sealed.ContentEvents.WORKSPACE;
import static dev.syncline.query.sealed.ContentEvents.mailPage;
import static dev.syncline.query.sealed.ContentEvents.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.syncline.messages.sync.EmailAddress;
import dev.syncline.messages.sync.FindMessageQuery;
import dev.syncline.messages.sync.FindMessagesQuery;
import dev.syncline.messages.sync.MessageListView;
import dev.syncline.messages.sync.MessageSummaryView;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.query.sealed.ContentDatabase;
import dev.syncline.query.sealed.PlainJsonSealedContent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MessageQueryHandlerTest {

    private static final String GMAIL = "acc-gmail";
    private static final String OUTLOOK = "acc-outlook";
    private static final String OTHER_OWNER = "user-bob";
    private static final String OTHER_WORKSPACE = "ws-2";
    private static final String SYNC = "sync-1";
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant FETCHED = Instant.parse("2026-03-02T08:00:00Z");
    private static final EmailAddress BOB = new EmailAddress("Bob Sender", "bob@example.com");
    private static final EmailAddress NEWSLETTER = new EmailAddress("The 100% Weekly", "news@letters.example.org");

    private ContentDatabase database;
    private SyncedMessagesProjection projection;
    private MessageQueryHandler queries;

    @BeforeAll
    void createDatabase() {
        database = ContentDatabase.create("MessageQueryHandlerTest");
        projection = new SyncedMessagesProjection(database.dataSource(), new PlainJsonSealedContent());
        queries = new MessageQueryHandler(database.dataSource());
    }

    @AfterAll
    void dropDatabase() {
        database.drop();
    }

    @BeforeEach
    void emptyTable() {
        database.jdbc().sql("TRUNCATE synced_messages").update();
    }

    @Test
    void theListIsNewestFirstWithoutBodies() {
        store(GMAIL, message("old", at(1)), message("new", at(3)), message("middle", at(2)));

        MessageListView page = queries.handle(all().build());

        assertThat(page.items()).extracting(MessageSummaryView::externalId).containsExactly("new", "middle", "old");
        assertThat(page.nextPageToken()).isNull();
        MessageSummaryView first = page.items().get(0);
        assertThat(first.subject()).isEqualTo("Subject new");
        assertThat(first.from()).isEqualTo(BOB);
        assertThat(first.to()).containsExactly(new EmailAddress("Alice", "alice@example.com"));
        assertThat(first.receivedAt()).isEqualTo(at(3));
    }

    @Test
    void theAccountFilterKeepsThatAccountsMessages() {
        store(GMAIL, message("g-1", at(1)));
        store(OUTLOOK, message("o-1", at(2)));

        assertThat(externalIds(all().accountId(OUTLOOK))).containsExactly("o-1");
        assertThat(externalIds(all().accountId("acc-unknown"))).isEmpty();
    }

    @Test
    void theFolderFilterMatchesAFolderIdOrAnyLabelIgnoringCase() {
        store(GMAIL, message("gmail-inbox", null, List.of("INBOX", "UNREAD"), BOB, at(1), true),
                message("gmail-work", null, List.of("Label_Work"), BOB, at(2), true));
        store(OUTLOOK, message("graph-inbox", "AAMkInbox", List.of("Inbox"), BOB, at(3), true),
                message("graph-archive", "AAMkArchive", List.of("Archive"), BOB, at(4), true));

        assertThat(externalIds(all().folder("inbox"))).containsExactly("graph-inbox", "gmail-inbox");
        assertThat(externalIds(all().folder("aamkarchive"))).containsExactly("graph-archive");
        assertThat(externalIds(all().folder("label_work"))).containsExactly("gmail-work");
        assertThat(externalIds(all().folder("Inb"))).isEmpty();
    }

    @Test
    void theSenderFilterMatchesPartOfTheAddressOrNameIgnoringCase() {
        store(GMAIL, message("from-bob", null, List.of(), BOB, at(1), true),
                message("from-newsletter", null, List.of(), NEWSLETTER, at(2), true),
                message("from-nobody", null, List.of(), null, at(3), true));

        assertThat(externalIds(all().sender("BOB@EXAMPLE"))).containsExactly("from-bob");
        assertThat(externalIds(all().sender("sender"))).containsExactly("from-bob");
        assertThat(externalIds(all().sender("letters.example"))).containsExactly("from-newsletter");
        assertThat(externalIds(all().sender("100%"))).containsExactly("from-newsletter");
        assertThat(externalIds(all().sender("_"))).isEmpty();
        assertThat(externalIds(all().sender("example"))).containsExactly("from-newsletter", "from-bob");
    }

    @Test
    void afterIsInclusiveAndBeforeIsExclusive() {
        store(GMAIL, message("m-1", at(1)), message("m-2", at(2)), message("m-3", at(3)), message("m-4", at(4)));

        assertThat(externalIds(all().receivedAfter(at(2)))).containsExactly("m-4", "m-3", "m-2");
        assertThat(externalIds(all().receivedBefore(at(3)))).containsExactly("m-2", "m-1");
        assertThat(externalIds(all().receivedAfter(at(2)).receivedBefore(at(4)))).containsExactly("m-3", "m-2");
    }

    @Test
    void theUnreadFilterSelectsUnreadOrReadMessages() {
        store(GMAIL, message("unread", null, List.of(), BOB, at(1), true), message("read", null, List.of(), BOB, at(2), false));

        assertThat(externalIds(all().unread(true))).containsExactly("unread");
        assertThat(externalIds(all().unread(false))).containsExactly("read");
        assertThat(externalIds(all())).containsExactly("read", "unread");
    }

    @Test
    void filtersCombine() {
        store(GMAIL, message("match", null, List.of("INBOX"), BOB, at(2), true),
                message("read", null, List.of("INBOX"), BOB, at(2), false),
                message("other-label", null, List.of("SENT"), BOB, at(2), true),
                message("other-sender", null, List.of("INBOX"), NEWSLETTER, at(2), true),
                message("too-early", null, List.of("INBOX"), BOB, at(0), true));
        store(OUTLOOK, message("other-account", null, List.of("INBOX"), BOB, at(2), true));

        assertThat(externalIds(all().accountId(GMAIL).folder("inbox").sender("bob").unread(true).receivedAfter(at(1))))
                .containsExactly("match");
    }

    @Test
    void keysetPagesCoverEveryMessageOnceEvenWhenManyShareAReceivedTime() {
        // 120 messages on 40 distinct instants: the id decides between equal times.
        List<SyncedMessage> messages = IntStream.range(0, 120)
                .mapToObj(i -> message("m-" + i, at(i / 3)))
                .toList();
        store(GMAIL, messages.subList(0, 60).toArray(SyncedMessage[]::new));
        store(OUTLOOK, messages.subList(60, 120).toArray(SyncedMessage[]::new));

        List<MessageSummaryView> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        do {
            MessageListView page = queries.handle(all().pageToken(token).limit(50).build());
            pageSizes.add(page.items().size());
            seen.addAll(page.items());
            token = page.nextPageToken();
        } while (token != null);

        assertThat(pageSizes).containsExactly(50, 50, 20);
        assertThat(seen).extracting(MessageSummaryView::externalId).doesNotHaveDuplicates().hasSize(120);
        assertThat(new HashSet<>(seen.stream().map(MessageSummaryView::externalId).toList()))
                .isEqualTo(new HashSet<>(messages.stream().map(SyncedMessage::externalId).toList()));
        assertThat(seen).isSortedAccordingTo((a, b) -> {
            int byTime = b.receivedAt().compareTo(a.receivedAt());
            // PostgreSQL orders uuids bytewise, as their lower-case text sorts (UUID.compareTo is signed).
            return byTime != 0 ? byTime : b.id().compareTo(a.id());
        });
    }

    @Test
    void aFullLastPageHasNoNextToken() {
        store(GMAIL, message("m-1", at(1)), message("m-2", at(2)));

        MessageListView page = queries.handle(all().limit(2).build());

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextPageToken()).isNull();
    }

    @Test
    void aPageTokenKeepsItsPlaceWhenNewerMessagesArrive() {
        store(GMAIL, message("m-1", at(1)), message("m-2", at(2)), message("m-3", at(3)));
        MessageListView first = queries.handle(all().limit(2).build());

        store(GMAIL, message("m-new", at(10)));
        MessageListView second = queries.handle(all().limit(2).pageToken(first.nextPageToken()).build());

        assertThat(first.items()).extracting(MessageSummaryView::externalId).containsExactly("m-3", "m-2");
        assertThat(second.items()).extracting(MessageSummaryView::externalId).containsExactly("m-1");
    }

    @Test
    void aMalformedPageTokenIsRejected() {
        assertThatThrownBy(() -> queries.handle(all().pageToken("not-a-token").build()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anotherOwnersMessagesAreInvisible() {
        store(GMAIL, message("mine", at(1)));
        projection.on(mailPage(WORKSPACE, OTHER_OWNER, "acc-bob", SYNC, List.of(message("bobs", at(2))), List.of()), FETCHED);
        projection.on(mailPage(OTHER_WORKSPACE, OWNER, "acc-elsewhere", SYNC, List.of(message("elsewhere", at(3))), List.of()),
                FETCHED);

        assertThat(externalIds(all())).containsExactly("mine");
        assertThat(externalIds(all().accountId("acc-bob"))).isEmpty();
        String bobsId = SyncedMessagesProjection.idOf("acc-bob", "bobs").toString();
        assertThat(queries.handle(new FindMessageQuery(WORKSPACE, OWNER, bobsId))).isEmpty();
        assertThat(queries.handle(new FindMessageQuery(WORKSPACE, OTHER_OWNER, bobsId))).isPresent();
        String elsewhereId = SyncedMessagesProjection.idOf("acc-elsewhere", "elsewhere").toString();
        assertThat(queries.handle(new FindMessageQuery(WORKSPACE, OWNER, elsewhereId))).isEmpty();
    }

    @Test
    void anUnknownOrMalformedMessageIdFindsNothing() {
        assertThat(queries.handle(new FindMessageQuery(WORKSPACE, OWNER, UUID.randomUUID().toString()))).isEmpty();
        assertThat(queries.handle(new FindMessageQuery(WORKSPACE, OWNER, "not-a-uuid"))).isEmpty();
    }

    private void store(String accountId, SyncedMessage... messages) {
        projection.on(mailPage(accountId, SYNC, List.of(messages), List.of()), FETCHED);
    }

    private List<String> externalIds(Query query) {
        return queries.handle(query.limit(FindMessagesQuery.MAX_LIMIT).build()).items().stream()
                .map(MessageSummaryView::externalId)
                .toList();
    }

    private static Query all() {
        return new Query();
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    /** A {@link FindMessagesQuery} of the test owner, filter by filter. */
    private static final class Query {
        private String accountId;
        private String folder;
        private String sender;
        private Instant after;
        private Instant before;
        private Boolean unread;
        private String pageToken;
        private int limit = FindMessagesQuery.DEFAULT_LIMIT;

        Query accountId(String value) {
            accountId = value;
            return this;
        }

        Query folder(String value) {
            folder = value;
            return this;
        }

        Query sender(String value) {
            sender = value;
            return this;
        }

        Query receivedAfter(Instant value) {
            after = value;
            return this;
        }

        Query receivedBefore(Instant value) {
            before = value;
            return this;
        }

        Query unread(boolean value) {
            unread = value;
            return this;
        }

        Query pageToken(String value) {
            pageToken = value;
            return this;
        }

        Query limit(int value) {
            limit = value;
            return this;
        }

        FindMessagesQuery build() {
            return new FindMessagesQuery(WORKSPACE, OWNER, accountId, folder, sender, after, before, unread, pageToken, limit);
        }
    }
}
