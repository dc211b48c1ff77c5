package dev.syncline.providers.graph;

import dev.syncline.emulator.EmulatedProvider;
import dev.syncline.emulator.mailbox.GeneratedMailbox;
import dev.syncline.emulator.mailbox.GeneratedMessage;
import dev.syncline.emulator.mailbox.MailSnapshotItem;
import dev.syncline.emulator.mailbox.MailboxGenerator;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static dev.syncline.providers.graph.EmulatedGraph.NOW;
import static dev.syncline.providers.graph.EmulatedGraph.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GraphMessageSourceTest {

    private EmulatedGraph graph;
    private GraphMessageSource source;

    @BeforeEach
    void start() {
        graph = new EmulatedGraph();
        GraphSettings settings = graph.settings().withMailPageSize(200);
        source = new GraphMessageSource(settings, new GraphMailboxLimiter(settings));
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void aFullSyncReadsEveryFolderExactlyAsTheMailboxHoldsIt() {
        graph.seed(1_500, 6, 0);
        MailReplica replica = new MailReplica();

        MessagesPage first = source.fetch(graph.access, null);
        replica.apply(first);
        String cursor = replica.sync(source, graph.access, first.nextPosition());

        assertThat(first.estimatedTotal()).isEqualTo(1_500);
        assertThat(first.upserted()).hasSize(200);
        assertThat(cursor).isNotBlank();
        assertThat(replica.pages()).isBetween(8, 9 + 9);
        assertThat(replica.asSnapshot()).isEqualTo(graph.mail.snapshot(USER));
    }

    @Test
    void anIncrementalSyncBringsAddedChangedMovedAndDeletedMessages() {
        graph.seed(1_500, 6, 0);
        MailReplica replica = new MailReplica();
        String cursor = replica.sync(source, graph.access, null);
        List<MailSnapshotItem> before = graph.mail.snapshot(USER);
        String inbox = replica.get(before.get(0).id()) == null ? null : folderIdNamed(replica, "Inbox");
        List<MailSnapshotItem> inInbox = before.stream().filter(m -> m.folderId().equals(inbox)).toList();
        List<MailSnapshotItem> inProjects = before.stream().filter(m -> m.labels().contains("Projects")).toList();

        String arrived = graph.mail.addMessage(USER, MailboxGenerator.message(5, "new-1", "Inbox", NOW));
        String inNewFolder = graph.mail.addMessage(USER, MailboxGenerator.message(6, "new-2", "Expenses", NOW));
        graph.mail.updateMessage(USER, inInbox.get(0).id(), true, "Read later");
        graph.mail.moveMessage(USER, inInbox.get(1).id(), "Archive");
        graph.mail.moveMessage(USER, inProjects.get(0).id(), "Inbox");
        graph.mail.deleteMessage(USER, inInbox.get(2).id());
        String next = replica.sync(source, graph.access, cursor);

        assertThat(replica.asSnapshot()).isEqualTo(graph.mail.snapshot(USER));
        assertThat(replica.get(arrived).labels()).containsExactly("Inbox");
        assertThat(replica.get(inNewFolder).labels()).containsExactly("Expenses");
        assertThat(replica.get(inInbox.get(1).id()).labels()).containsExactly("Archive");
        assertThat(replica.get(inProjects.get(0).id()).folderId()).isEqualTo(inbox);
        assertThat(replica.get(inInbox.get(2).id())).isNull();
        MessagesPage quiet = source.fetch(graph.access, next);
        assertThat(quiet.upserted()).isEmpty();
        assertThat(quiet.removed()).isEmpty();
        assertThat(quiet.last()).isTrue();
    }

    @Test
    void aMovedMessageIsRemovedOnlyFromTheFolderItLeft() {
        graph.seed(200, 1, 0);
        MailReplica replica = new MailReplica();
        String cursor = replica.sync(source, graph.access, null);
        MailSnapshotItem moved = graph.mail.snapshot(USER).get(0);

        graph.mail.moveMessage(USER, moved.id(), moved.labels().contains("Archive") ? "Inbox" : "Archive");
        MessagesPage page = source.fetch(graph.access, cursor);

        assertThat(page.removed()).containsExactly(new RemovedItem(moved.id(), moved.folderId()));
        assertThat(page.upserted()).extracting(SyncedMessage::externalId).containsExactly(moved.id());
        assertThat(page.upserted().get(0).folderId()).isNotEqualTo(moved.folderId());
    }

    @Test
    void messagesCarryRecipientsBodiesAndAttachmentsOfTheMailbox() {
        GeneratedMailbox generated = graph.seed(600, 2, 0);
        MailReplica replica = new MailReplica();
        replica.sync(source, graph.access, null);
        Map<String, GeneratedMessage> bySubjectAndTime = generated.messages().stream()
                .collect(Collectors.toMap(m -> m.subject() + m.receivedAt(), Function.identity()));

        for (SyncedMessage message : replica.messages()) {
            GeneratedMessage origin = bySubjectAndTime.get(message.subject() + message.receivedAt());
            assertThat(message.from().name()).isEqualTo(origin.from().name());
            assertThat(message.to()).extracting(a -> a.address()).containsExactlyElementsOf(
                    origin.to().stream().map(a -> a.email()).toList());
            assertThat(message.cc()).hasSameSizeAs(origin.cc());
            assertThat(message.snippet()).hasSizeLessThanOrEqualTo(255)
                    .startsWith(origin.body().substring(0, 20).replaceAll("\\s+", " "));
            if (origin.body().length() > 20_000) {
                assertThat(message.body()).hasSize(20_000);
                assertThat(message.bodyTruncated()).isTrue();
            } else {
                assertThat(message.body()).isEqualTo(origin.body());
                assertThat(message.bodyTruncated()).isFalse();
            }
            assertThat(message.attachments()).hasSameSizeAs(origin.attachments());
            message.attachments().forEach(attachment -> {
                assertThat(attachment.size()).isPositive();
                assertThat(attachment.contentType()).contains("/");
            });
        }
        assertThat(replica.messages()).anyMatch(SyncedMessage::bodyTruncated);
    }

    @Test
    void expiredCursorsAndPositionsAskForASyncFromScratch() {
        graph.seed(300, 1, 0);
        MessagesPage first = source.fetch(graph.access, null);
        String cursor = new MailReplica().sync(source, graph.access, null);

        graph.mail.expireCursors(USER);

        assertThatThrownBy(() -> source.fetch(graph.access, cursor)).isInstanceOf(CursorExpiredException.class)
                .hasMessageContaining("410");
        assertThatThrownBy(() -> source.fetch(graph.access, first.nextPosition())).isInstanceOf(CursorExpiredException.class);
        assertThatThrownBy(() -> source.fetch(graph.access, "not-a-position")).isInstanceOf(CursorExpiredException.class);
    }

    @Test
    void anExpiredAccessTokenIsRejected() {
        graph.seed(20, 0, 0);

        graph.server.control().expireAccessTokens(EmulatedProvider.MICROSOFT, USER);

        assertThatThrownBy(() -> source.fetch(graph.access, null)).isInstanceOf(AccessTokenRejectedException.class)
                .hasMessageContaining("401").hasMessageNotContaining(graph.access.accessToken());
    }

    private static String folderIdNamed(MailReplica replica, String label) {
        return replica.messages().stream().filter(m -> m.labels().contains(label)).findFirst().orElseThrow().folderId();
    }
}
