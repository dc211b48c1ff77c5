package dev.syncline.providers.graph;

import dev.syncline.providers.metering.ProviderCallListener;
import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.mailfolders.item.messages.delta.DeltaGetResponse;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.AttachmentInfo;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MessageSource;
import dev.syncline.providers.sync.TransientProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads Outlook mail through the Microsoft Graph SDK, folder by folder with per-folder delta queries.
 *
 * <p>A full sync (null position) lists the top-level folders, then reads each folder's delta from scratch;
 * a page holds up to {@code mailPageSize} messages and may finish one folder and go on with the next. The
 * position records per folder whether it is pending, paging (its next link) or done (its delta link); when
 * all are done the page is the last and its cursor holds folder → delta link. An incremental sync (the
 * cursor as position) lists the folders again and reads each from its delta link; a new folder starts a
 * fresh delta. A folder of the cursor that no longer exists makes the cursor unusable
 * ({@link CursorExpiredException}): its messages cannot be named from here, and a sync from scratch drops
 * them.
 *
 * <p>{@code @removed} entries become a {@link RemovedItem} scoped to the folder the message left: with
 * immutable ids a moved message arrives in its new folder with the same id. The same message may come twice
 * in a page; its last state counts. Attachment metadata of messages with {@code hasAttachments} is fetched
 * by {@code $batch}. Thread-safe: one instance serves many mailboxes at once.
 */
public final class GraphMessageSource implements MessageSource {

    private static final Logger log = LoggerFactory.getLogger(GraphMessageSource.class);

    private final GraphSettings settings;
    private final GraphClients clients;
    private final MailFolderListing folders;
    private final MailDeltaReader deltas;
    private final AttachmentBatches attachments;

    /** @param limiter the same instance as the {@link GraphCalendarSource}'s, so both share a mailbox's limit */
    public GraphMessageSource(GraphSettings settings, GraphMailboxLimiter limiter) {
        this(settings, limiter, Clock.systemUTC());
    }

    /** @param httpCalls told of every HTTP call to Microsoft Graph */
    public GraphMessageSource(GraphSettings settings, GraphMailboxLimiter limiter, ProviderCallListener httpCalls) {
        this(settings, limiter, httpCalls, Clock.systemUTC());
    }

    GraphMessageSource(GraphSettings settings, GraphMailboxLimiter limiter, Clock clock) {
        this(settings, limiter, ProviderCallListener.NONE, clock);
    }

    GraphMessageSource(GraphSettings settings, GraphMailboxLimiter limiter, ProviderCallListener httpCalls, Clock clock) {
        GraphCalls calls = new GraphCalls(limiter, clock);
        this.settings = settings;
        this.clients = new GraphClients(settings, httpCalls);
        this.folders = new MailFolderListing(calls);
        this.deltas = new MailDeltaReader(calls);
        this.attachments = new AttachmentBatches(calls, clock);
    }

    @Override
    public Provider provider() {
        return Provider.MICROSOFT;
    }

    @Override
    public MessagesPage fetch(MailboxAccess access, String position) {
        GraphServiceClient graph = clients.forToken(access.accessToken());
        MailSyncState state = position == null ? fullSync(access, graph) : Positions.decode(position, MailSyncState.class);
        if (state.cursor()) {
            state = incrementalSync(access, graph, state);
        }
        PageContent page = new PageContent();
        for (Optional<MailSyncState.Folder> next = state.nextUnfinished();
             next.isPresent() && page.size() < settings.mailPageSize(); next = state.nextUnfinished()) {
            MailSyncState.Folder folder = next.get();
            DeltaGetResponse response = deltas.read(access, graph, folder, settings.mailPageSize() - page.size());
            page.add(folder, response.getValue());
            if (response.getOdataNextLink() != null) {
                state = state.with(folder.continuedAt(response.getOdataNextLink()));
                break;
            }
            if (response.getOdataDeltaLink() == null) {
                throw new TransientProviderException("Graph sent a mail delta page without a next or delta link", null);
            }
            state = state.with(folder.finishedAt(response.getOdataDeltaLink()));
        }
        List<SyncedMessage> upserted = page.messages(access, graph);
        log.debug("Graph mail page for account {}: {} upserted, {} removed", access.accountId(), upserted.size(),
                page.removed().size());
        return state.finished()
                ? new MessagesPage(upserted, page.removed(), null, Positions.encode(state.asCursor()), state.estimatedTotal())
                : new MessagesPage(upserted, page.removed(), Positions.encode(state), null, state.estimatedTotal());
    }

    private MailSyncState fullSync(MailboxAccess access, GraphServiceClient graph) {
        List<MailFolder> listed = folders.list(access, graph);
        long total = listed.stream().mapToLong(f -> f.getTotalItemCount() == null ? 0 : f.getTotalItemCount()).sum();
        return new MailSyncState(false, total, listed.stream()
                .map(f -> MailSyncState.Folder.pending(f.getId(), f.getDisplayName())).toList());
    }

    private MailSyncState incrementalSync(MailboxAccess access, GraphServiceClient graph, MailSyncState cursor) {
        Map<String, MailFolder> listed = folders.list(access, graph).stream()
                .collect(Collectors.toMap(MailFolder::getId, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<MailSyncState.Folder> restarted = new ArrayList<>();
        for (MailSyncState.Folder known : cursor.folders()) {
            MailFolder now = listed.remove(known.id());
            if (now == null) {
                throw new CursorExpiredException("Mail folder " + known.id() + " no longer exists; its messages can only "
                        + "be dropped by a sync from scratch", null);
            }
            restarted.add(known.restartedAs(now.getDisplayName()));
        }
        listed.values().forEach(added ->
                restarted.add(MailSyncState.Folder.pending(added.getId(), added.getDisplayName())));
        return new MailSyncState(false, null, restarted);
    }

    /**
     * What one page collects, keyed by message and folder so that a message seen twice keeps its last state,
     * and a message that left one folder and arrived in another is both removed (there) and upserted (here).
     */
    private final class PageContent {

        private final Map<String, Pending> upserts = new LinkedHashMap<>();
        private final Map<String, RemovedItem> removals = new LinkedHashMap<>();

        void add(MailSyncState.Folder folder, List<Message> messages) {
            for (Message message : messages) {
                String key = message.getId() + "\n" + folder.id();
                if (MessageMapping.isRemoval(message)) {
                    upserts.remove(key);
                    removals.put(key, new RemovedItem(message.getId(), folder.id()));
                } else {
                    removals.remove(key);
                    upserts.put(key, new Pending(message, folder));
                }
            }
        }

        int size() {
            return upserts.size() + removals.size();
        }

        List<RemovedItem> removed() {
            return List.copyOf(removals.values());
        }

        List<SyncedMessage> messages(MailboxAccess access, GraphServiceClient graph) {
            List<String> withAttachments = upserts.values().stream()
                    .filter(pending -> Boolean.TRUE.equals(pending.message().getHasAttachments()))
                    .map(pending -> pending.message().getId()).distinct().toList();
            Map<String, List<AttachmentInfo>> found = withAttachments.isEmpty() ? Map.of()
                    : attachments.read(access, graph, withAttachments);
            return upserts.values().stream()
                    .map(pending -> MessageMapping.synced(pending.message(), pending.folder(),
                            found.getOrDefault(pending.message().getId(), List.of()), settings.bodyLimit()))
                    .toList();
        }
    }

    private record Pending(Message message, MailSyncState.Folder folder) {
    }
}
