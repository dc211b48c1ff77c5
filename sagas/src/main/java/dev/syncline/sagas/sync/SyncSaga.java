package dev.syncline.sagas.sync;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import dev.syncline.messages.account.AccountDisconnectedEvent;
import dev.syncline.messages.account.ReauthorizationRequiredEvent;
import dev.syncline.messages.sync.CalendarItemsFetchedEvent;
import dev.syncline.messages.sync.MessagesFetchedEvent;
import dev.syncline.messages.sync.PauseSyncCommand;
import dev.syncline.messages.sync.SyncChannelResetEvent;
import dev.syncline.messages.sync.SyncCompletedEvent;
import dev.syncline.messages.sync.SyncCursorExpiredEvent;
import dev.syncline.messages.sync.SyncFailedEvent;
import dev.syncline.messages.sync.SyncPageFailedEvent;
import dev.syncline.messages.sync.SyncPausedEvent;
import dev.syncline.messages.sync.SyncResumedEvent;
import dev.syncline.messages.sync.SyncStartedEvent;
import dev.syncline.messages.sync.SyncThrottledEvent;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;

/**
 * Orchestrates one sync, page by page: asks the worker for the next page whenever the channel commits
 * one, waits out a throttle or a failure's backoff with a deadline, and pauses when the account's grant
 * is refused. A watchdog deadline asks again for a page whose fetch was lost (its node stopped). Which
 * page comes next is always the one the channel last committed, so nothing is skipped or read twice.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE, isGetterVisibility = Visibility.NONE)
public class SyncSaga {

    static final String SYNC_ID = "syncId";
    static final String ACCOUNT_ID = "accountId";
    static final String RETRY_DEADLINE = "sync-page-retry";
    static final String WATCHDOG_DEADLINE = "sync-page-watchdog";

    private PageRequest next;

    @StartSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncStartedEvent event, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        SagaLifecycle.associateWith(ACCOUNT_ID, event.accountId());
        next = new PageRequest(event.syncId(), event.channelSyncId(), event.accountId(), event.provider(), event.channel(),
                event.position());
        fetch(worker, deadlines, settings);
    }

    @StartSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncResumedEvent event, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        SagaLifecycle.associateWith(ACCOUNT_ID, event.accountId());
        next = new PageRequest(event.syncId(), event.channelSyncId(), event.accountId(), event.provider(), event.channel(),
                event.position());
        fetch(worker, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(MessagesFetchedEvent event, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        continueAt(event.nextPosition(), worker, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(CalendarItemsFetchedEvent event, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        continueAt(event.nextPosition(), worker, deadlines, settings);
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncThrottledEvent event, DeadlineManager deadlines) {
        retryAt(event.retryAt(), deadlines);
    }

    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncPageFailedEvent event, DeadlineManager deadlines) {
        retryAt(event.retryAt(), deadlines);
    }

    // Axon binds a handler's first parameter to the message's payload unless it is a message itself. These deadlines
    // carry no payload, so the deadline message comes first: with a resource first, the handler never matched.
    @DeadlineHandler(deadlineName = RETRY_DEADLINE)
    void retry(DeadlineMessage<?> deadline, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        fetch(worker, deadlines, settings);
    }

    @DeadlineHandler(deadlineName = WATCHDOG_DEADLINE)
    void watchdog(DeadlineMessage<?> deadline, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        if (worker.isFetching(next)) {
            // Slow, not lost: a throttled mailbox's page can take long within the provider's quota.
            deadlines.schedule(settings.pageTimeout(), WATCHDOG_DEADLINE);
        } else {
            fetch(worker, deadlines, settings);
        }
    }

    @SagaEventHandler(associationProperty = ACCOUNT_ID)
    void on(ReauthorizationRequiredEvent event, CommandGateway commands) {
        commands.send(new PauseSyncCommand(next.channelSyncId(), event.reason()),
                MetaData.with("actor", "system").and("cause", "reauthorization-required"));
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncPausedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncCompletedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncFailedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = SYNC_ID)
    void on(SyncCursorExpiredEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = "endedSyncId", keyName = SYNC_ID)
    void on(SyncChannelResetEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ACCOUNT_ID)
    void on(AccountDisconnectedEvent event, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
    }

    private void continueAt(String nextPosition, PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        if (nextPosition == null) {
            return; // The last page: SyncCompletedEvent follows in the same transaction and ends the saga.
        }
        next = next.at(nextPosition);
        fetch(worker, deadlines, settings);
    }

    private void retryAt(Instant at, DeadlineManager deadlines) {
        cancelDeadlines(deadlines);
        deadlines.schedule(at, RETRY_DEADLINE);
    }

    /** Any retry still waiting was for a page this request supersedes (or is the one firing now). */
    private void fetch(PageFetchWorker worker, DeadlineManager deadlines, SyncSettings settings) {
        cancelDeadlines(deadlines);
        deadlines.schedule(settings.pageTimeout(), WATCHDOG_DEADLINE);
        worker.fetchAfterCommit(next);
    }

    private static void cancelDeadlines(DeadlineManager deadlines) {
        deadlines.cancelAllWithinScope(WATCHDOG_DEADLINE);
        deadlines.cancelAllWithinScope(RETRY_DEADLINE);
    }
}
