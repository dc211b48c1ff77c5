package dev.syncline.command.sync;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.syncline.command.vault.AccountKey;
import dev.syncline.messages.account.Provider;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.CalendarItemsPage;
import dev.syncline.messages.sync.CalendarItemsPageContent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.MessagesPage;
import dev.syncline.messages.sync.MessagesPageContent;
import dev.syncline.messages.sync.PauseSyncCommand;
import dev.syncline.messages.sync.RecordCalendarItemsPageCommand;
import dev.syncline.messages.sync.RecordCursorExpiredCommand;
import dev.syncline.messages.sync.RecordMessagesPageCommand;
import dev.syncline.messages.sync.RecordSyncFailureCommand;
import dev.syncline.messages.sync.RecordSyncThrottledCommand;
import dev.syncline.messages.sync.ResetChannelSyncCommand;
import dev.syncline.messages.sync.StartSyncCommand;
import dev.syncline.messages.sync.SyncChannel;
import dev.syncline.messages.sync.SyncChannelResetEvent;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncKind;
import dev.syncline.messages.sync.SyncMode;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import dev.syncline.messages.sync.SyncTrigger;
import java.time.Clock;
import java.util.Optional;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * The sync of one channel (mail or calendar) of one account: which sync runs, the position its last
 * committed page reached, and the cursor where the next incremental sync starts. A page's content, its
 * position and (on the last page) the new cursor are one event or two in one transaction, so the cursor
 * never moves past items that were not stored. Pages make the stream long, so it is snapshotted.
 */
@Aggregate(snapshotTriggerDefinition = ChannelSyncSnapshots.TRIGGER)
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class ChannelSync {

    @AggregateIdentifier
    private String channelSyncId;
    private String accountId;
    private String workspaceId;
    private String ownerId;
    private Provider provider;
    private SyncChannel channel;
    private String cursor;
    private RunningSync running;

    protected ChannelSync() {
        // Axon rebuilds the aggregate from its snapshot and events.
    }

    /** Starts a sync, or answers the one already running (resuming it when it was paused). */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    String handle(StartSyncCommand command) {
        if (channelSyncId != null && !(ownerId.equals(command.ownerId()) && workspaceId.equals(command.workspaceId()))) {
            throw new IllegalArgumentException("Channel " + channelSyncId + " belongs to another user");
        }
        if (running != null) {
            if (running.paused()) {
                apply(new SyncResumedEvent(command.channelSyncId(), accountId, workspaceId, ownerId, provider, channel,
                        running.syncId(), running.kind(), command.trigger(), running.position(), running.itemsDone()));
            }
            return running.syncId();
        }
        SyncKind kind = command.mode() == SyncMode.FULL || cursor == null ? SyncKind.FULL : SyncKind.INCREMENTAL;
        apply(new SyncStartedEvent(command.channelSyncId(), command.accountId(), command.workspaceId(), command.ownerId(),
                command.provider(), command.channel(), command.proposedSyncId(), kind, command.trigger(),
                kind == SyncKind.FULL ? null : cursor));
        return command.proposedSyncId();
    }

    @CommandHandler
    boolean handle(RecordMessagesPageCommand command, PageSealer sealer) {
        if (!isCurrent(command.syncId(), command.fromPosition())) {
            return false;
        }
        MessagesPage page = command.page();
        byte[] sealed = sealer.seal(key(), new MessagesPageContent(page.upserted(), page.removed()));
        long itemsDone = running.itemsDone() + page.upserted().size() + page.removed().size();
        apply(new MessagesFetchedEvent(channelSyncId, accountId, workspaceId, ownerId, running.syncId(), running.pages() + 1,
                page.upserted().size(), page.removed().size(), itemsDone, page.estimatedTotal(), page.nextPosition(), sealed));
        completeIfLast(page.last(), page.cursor());
        return true;
    }

    @CommandHandler
    boolean handle(RecordCalendarItemsPageCommand command, PageSealer sealer) {
        if (!isCurrent(command.syncId(), command.fromPosition())) {
            return false;
        }
        CalendarItemsPage page = command.page();
        byte[] sealed = sealer.seal(key(), new CalendarItemsPageContent(page.upserted(), page.removed()));
        long itemsDone = running.itemsDone() + page.upserted().size() + page.removed().size();
        apply(new CalendarItemsFetchedEvent(channelSyncId, accountId, workspaceId, ownerId, running.syncId(),
                running.pages() + 1, page.upserted().size(), page.removed().size(), itemsDone, page.estimatedTotal(),
                page.nextPosition(), sealed));
        completeIfLast(page.last(), page.cursor());
        return true;
    }

    @CommandHandler
    void handle(RecordSyncThrottledCommand command) {
        if (isRunning(command.syncId())) {
            apply(new SyncThrottledEvent(channelSyncId, accountId, channel, command.syncId(), command.retryAt(), command.reason()));
        }
    }

    @CommandHandler
    void handle(RecordSyncFailureCommand command, SyncRetryPolicy policy, Clock clock) {
        if (!isRunning(command.syncId())) {
            return;
        }
        int attempt = running.failedAttempts() + 1;
        var retryAt = command.permanent() ? Optional.<java.time.Instant>empty() : policy.nextAttemptAfter(attempt, clock.instant());
        if (retryAt.isPresent()) {
            apply(new SyncPageFailedEvent(channelSyncId, accountId, channel, command.syncId(), attempt, command.reason(),
                    retryAt.get()));
        } else {
            apply(new SyncFailedEvent(channelSyncId, accountId, channel, command.syncId(), command.reason(), attempt));
        }
    }

    /** Forgets the cursor and starts one full resync; a resync whose own position expires gives up instead of looping. */
    @CommandHandler
    void handle(RecordCursorExpiredCommand command) {
        if (!isRunning(command.syncId())) {
            return;
        }
        if (running.trigger() == SyncTrigger.CURSOR_EXPIRED && running.pages() == 0) {
            // Not SyncCursorExpiredEvent: that event promises a full resync, and none follows.
            apply(new SyncFailedEvent(channelSyncId, accountId, channel, command.syncId(),
                    "The provider refused even a fresh full sync: " + command.reason(), 1));
            return;
        }
        apply(new SyncCursorExpiredEvent(channelSyncId, accountId, channel, command.syncId(), command.reason()));
        apply(new SyncStartedEvent(channelSyncId, accountId, workspaceId, ownerId, provider, channel, command.resyncId(),
                SyncKind.FULL, SyncTrigger.CURSOR_EXPIRED, null));
    }

    @CommandHandler
    void handle(PauseSyncCommand command) {
        if (running != null && !running.paused()) {
            apply(new SyncPausedEvent(channelSyncId, accountId, channel, running.syncId(), command.reason()));
        }
    }

    @CommandHandler
    void handle(ResetChannelSyncCommand command) {
        if (running != null || cursor != null) {
            apply(new SyncChannelResetEvent(channelSyncId, accountId, channel, running == null ? null : running.syncId(),
                    command.reason()));
        }
    }

    private void completeIfLast(boolean last, String newCursor) {
        if (last) {
            apply(new SyncCompletedEvent(channelSyncId, accountId, channel, running.syncId(), running.kind(), running.pages(),
                    running.itemsDone(), newCursor));
        }
    }

    /**
     * A paused sync takes in nothing: the page, throttle, failure or expired cursor of a fetch that was under way when
     * the grant was refused is stale, and the resumed sync reads that page again from the committed position.
     */
    private boolean isCurrent(String syncId, String fromPosition) {
        return isRunning(syncId) && running.continuesFrom(syncId, fromPosition);
    }

    private boolean isRunning(String syncId) {
        return running != null && !running.paused() && running.syncId().equals(syncId);
    }

    private AccountKey key() {
        return new AccountKey(workspaceId, accountId);
    }

    @EventSourcingHandler
    void on(SyncStartedEvent event) {
        channelSyncId = event.channelSyncId();
        accountId = event.accountId();
        workspaceId = event.workspaceId();
        ownerId = event.ownerId();
        provider = event.provider();
        channel = event.channel();
        running = RunningSync.started(event.syncId(), event.kind(), event.trigger(), event.position());
    }

    @EventSourcingHandler
    void on(SyncResumedEvent event) {
        running = running.paused(false);
    }

    @EventSourcingHandler
    void on(MessagesFetchedEvent event) {
        running = running.afterPage(event.nextPosition(), event.itemsDone());
    }

    @EventSourcingHandler
    void on(CalendarItemsFetchedEvent event) {
        running = running.afterPage(event.nextPosition(), event.itemsDone());
    }

    @EventSourcingHandler
    void on(SyncPageFailedEvent event) {
        running = running.afterFailure();
    }

    @EventSourcingHandler
    void on(SyncPausedEvent event) {
        running = running.paused(true);
    }

    @EventSourcingHandler
    void on(SyncCompletedEvent event) {
        cursor = event.cursor();
        running = null;
    }

    @EventSourcingHandler
    void on(SyncCursorExpiredEvent event) {
        cursor = null;
        running = null;
    }

    @EventSourcingHandler
    void on(SyncChannelResetEvent event) {
        cursor = null;
        running = null;
    }

    @EventSourcingHandler
    void on(SyncFailedEvent event) {
        running = null;
    }
}
