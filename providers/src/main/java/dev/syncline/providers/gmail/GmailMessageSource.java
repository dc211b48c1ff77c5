package dev.syncline.providers.gmail;

import com.google.api.client.http.HttpRequestInitializer;
import com.google.api.client.http.javanet.NetHttpTransport;
import dev.syncline.providers.metering.MeteredGoogleRequests;
import dev.syncline.providers.metering.ProviderCallListener;
import com.google.api.client.json.gson.GsonFactory;
import com.google.api.services.gmail.Gmail;
import com.google.api.services.gmail.model.ListHistoryResponse;
import com.google.api.services.gmail.model.ListMessagesResponse;
import com.google.api.services.gmail.model.Message;
import com.google.api.services.gmail.model.Profile;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.RemovedItem;
import dev.syncline.messages.sync.SyncedMessage;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MessageSource;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Gmail mailboxes through the official Gmail SDK. A full sync (position null) takes the history
 * id from the profile first, then lists message ids page by page and fetches each page in batches; its
 * last page hands out that history id as the cursor, so whatever changed during the full sync is seen by
 * the next incremental sync. An incremental sync reads {@code users.history.list} from the cursor and
 * fetches what was added or relabelled; deletions become removals.
 *
 * <p>One instance serves many mailboxes from many threads: the SDK client is built once, the token comes
 * with each call, and each mailbox has its own quota budget.
 */
public final class GmailMessageSource implements MessageSource {

    private static final String APPLICATION_NAME = "Syncline";
    /**
     * Gmail's own batch endpoint. This SDK revision defaults to the bare {@code batch}, which Google
     * answers too, but the documented path for Gmail is this one.
     */
    private static final String BATCH_PATH = "batch/gmail/v1";

    private final GmailReader reader;
    private final GmailMessageMapper mapper;

    public GmailMessageSource(GmailSettings settings) {
        this(settings, Clock.systemUTC());
    }

    public GmailMessageSource(GmailSettings settings, Clock clock) {
        this(settings, ProviderCallListener.NONE, clock);
    }

    /** @param calls told of every HTTP call to Gmail */
    public GmailMessageSource(GmailSettings settings, ProviderCallListener calls, Clock clock) {
        HttpRequestInitializer callSettings = new MeteredGoogleRequests(
                new GmailCallSettings(settings.connectTimeout(), settings.readTimeout()), "gmail", calls);
        Gmail gmail = new Gmail.Builder(new NetHttpTransport(), GsonFactory.getDefaultInstance(), callSettings)
                .setRootUrl(settings.rootUrl())
                .setBatchPath(BATCH_PATH)
                .setApplicationName(APPLICATION_NAME)
                .build();
        // A call waits for its turn at most as long as a slow call before it may take, and one quota window.
        Duration maxWait = settings.readTimeout().multipliedBy(2).plusSeconds(1);
        MailboxLimiter limiter = new MailboxLimiter(settings.unitsPerSecond(), Duration.ofSeconds(1),
                settings.callsPerMailbox(), maxWait);
        this.reader = new GmailReader(gmail, callSettings, settings, limiter, clock);
        this.mapper = new GmailMessageMapper(settings.bodyLimit());
    }

    @Override
    public Provider provider() {
        return Provider.GOOGLE;
    }

    @Override
    public MessagesPage fetch(MailboxAccess access, String position) {
        if (position == null) {
            Profile profile = reader.profile(access);
            Long total = profile.getMessagesTotal() == null ? null : profile.getMessagesTotal().longValue();
            return fullSyncPage(access, new GmailPosition.FullSync(profile.getHistoryId(), total, null));
        }
        GmailPosition parsed = GmailPosition.parse(position);
        if (parsed instanceof GmailPosition.FullSync full) {
            return fullSyncPage(access, full);
        }
        return historyPage(access, (GmailPosition.HistorySync) parsed);
    }

    private MessagesPage fullSyncPage(MailboxAccess access, GmailPosition.FullSync position) {
        ListMessagesResponse list = reader.listMessages(access, position.pageToken());
        List<String> ids = new ArrayList<>();
        if (list.getMessages() != null) {
            list.getMessages().forEach(ref -> ids.add(ref.getId()));
        }
        // A message deleted since it was listed was never stored by this sync: nothing to remove.
        List<SyncedMessage> messages = map(reader.fetch(access, ids).found());
        String next = list.getNextPageToken();
        if (next == null || next.isEmpty()) {
            return new MessagesPage(messages, List.of(), null,
                    new GmailPosition.HistorySync(position.historyId(), null).encode(), position.total());
        }
        return new MessagesPage(messages, List.of(),
                new GmailPosition.FullSync(position.historyId(), position.total(), next).encode(), null, position.total());
    }

    private MessagesPage historyPage(MailboxAccess access, GmailPosition.HistorySync position) {
        ListHistoryResponse history = reader.listHistory(access, position.startHistoryId(), position.pageToken());
        HistoryChanges changes = HistoryChanges.of(history.getHistory());
        GmailReader.Fetched fetched = reader.fetch(access, changes.changed());
        Set<String> removed = new LinkedHashSet<>(changes.deleted());
        removed.addAll(fetched.gone());
        List<RemovedItem> removals = removed.stream().map(id -> new RemovedItem(id, null)).toList();
        String next = history.getNextPageToken();
        if (next != null && !next.isEmpty()) {
            return new MessagesPage(map(fetched.found()), removals,
                    new GmailPosition.HistorySync(position.startHistoryId(), next).encode(), null, null);
        }
        BigInteger newest = history.getHistoryId() != null ? history.getHistoryId() : position.startHistoryId();
        return new MessagesPage(map(fetched.found()), removals, null, new GmailPosition.HistorySync(newest, null).encode(), null);
    }

    private List<SyncedMessage> map(List<Message> messages) {
        return messages.stream().map(mapper::map).toList();
    }
}
