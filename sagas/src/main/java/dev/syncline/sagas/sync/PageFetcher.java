package dev.syncline.sagas.sync;

import dev.syncline.messages.account.FindValidAccessTokenQuery;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.ReplaceRejectedAccessTokenCommand;
import dev.syncline.messages.account.ValidAccessToken;
import dev.syncline.messages.sync.RecordCalendarItemsPageCommand;
import dev.syncline.messages.sync.RecordCursorExpiredCommand;
import dev.syncline.messages.sync.RecordMessagesPageCommand;
import dev.syncline.messages.sync.RecordSyncFailureCommand;
import dev.syncline.messages.sync.RecordSyncThrottledCommand;
import dev.syncline.providers.sync.AccessTokenRejectedException;
import dev.syncline.providers.sync.CursorExpiredException;
import dev.syncline.providers.sync.MailboxAccess;
import dev.syncline.providers.sync.MailboxUnavailableException;
import dev.syncline.providers.sync.ProviderThrottledException;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads one page for a sync and records the outcome as a command on the channel: the page itself, or
 * that the provider throttled us, that the cursor expired, or that the fetch failed. A 401 gets the
 * rejected token replaced once (single flight across the account's syncs) and the page read again; a grant
 * refused for good records nothing, as the account's re-authorization pauses the sync.
 * Runs on the worker pool, never on an event processor's thread.
 */
@Component
public class PageFetcher {

    private static final Logger log = LoggerFactory.getLogger(PageFetcher.class);
    private static final long TOKEN_TIMEOUT_SECONDS = 60;

    private final SyncSources sources;
    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Clock clock;

    public PageFetcher(SyncSources sources, CommandGateway commands, QueryGateway queries, Clock clock) {
        this.sources = sources;
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    public void fetch(PageRequest request) {
        MetaData metaData = MetaData.with("actor", "system").and("cause", "sync:" + request.syncId());
        try {
            ValidAccessToken token = validToken(request);
            try {
                readAndRecord(request, token, metaData);
            } catch (AccessTokenRejectedException rejected) {
                RefreshOutcome outcome = commands.sendAndWait(
                        new ReplaceRejectedAccessTokenCommand(request.accountId(), token.expiresAt()), metaData);
                if (outcome.result() == RefreshOutcome.Result.FAILED_PERMANENT) {
                    // Not a failed attempt: the refusal made the account require re-authorization, which pauses this
                    // sync. Counted, its retries could use up the attempts first and fail a sync that should resume.
                    log.info("Sync {} of account {} waits for the account to be connected again", request.syncId(),
                            request.accountId());
                    return;
                }
                if (!outcome.succeeded()) {
                    throw new FetchFailedException("The provider rejected the access token and refreshing it failed: "
                            + outcome.error(), null);
                }
                readAndRecord(request, validToken(request), metaData);
            }
        } catch (ProviderThrottledException e) {
            commands.sendAndWait(new RecordSyncThrottledCommand(request.channelSyncId(), request.syncId(),
                    clock.instant().plus(e.retryAfter()), e.getMessage()), metaData);
        } catch (CursorExpiredException e) {
            commands.sendAndWait(new RecordCursorExpiredCommand(request.channelSyncId(), request.syncId(), e.getMessage(),
                    UUID.randomUUID().toString()), metaData);
        } catch (MailboxUnavailableException e) {
            fail(request, e.getMessage(), true, metaData);
        } catch (AccessTokenRejectedException e) {
            fail(request, "The provider rejected the access token even after it was refreshed", false, metaData);
        } catch (RuntimeException e) {
            fail(request, FailureReason.of(e), false, metaData);
        }
    }

    private void readAndRecord(PageRequest request, ValidAccessToken token, MetaData metaData) {
        MailboxAccess access = new MailboxAccess(request.accountId(), token.accessToken());
        Object record = switch (request.channel()) {
            case MAIL -> new RecordMessagesPageCommand(request.channelSyncId(), request.syncId(), request.position(),
                    sources.messages(request.provider()).fetch(access, request.position()));
            case CALENDAR -> new RecordCalendarItemsPageCommand(request.channelSyncId(), request.syncId(), request.position(),
                    sources.calendar(request.provider()).fetch(access, request.position()));
        };
        commands.sendAndWait(record, metaData);
    }

    private ValidAccessToken validToken(PageRequest request) {
        try {
            return queries.query(new FindValidAccessTokenQuery(request.accountId()), ValidAccessToken.class)
                    .get(TOKEN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchFailedException("Interrupted while waiting for an access token", e);
        } catch (Exception e) {
            throw new FetchFailedException(FailureReason.of(e), e);
        }
    }

    private void fail(PageRequest request, String reason, boolean permanent, MetaData metaData) {
        log.info("Sync {} of account {} could not read a page: {}", request.syncId(), request.accountId(), reason);
        commands.sendAndWait(new RecordSyncFailureCommand(request.channelSyncId(), request.syncId(), reason, permanent),
                metaData);
    }

    /**
     * A failure this class describes in safe words of its own. Being a {@code dev.syncline} type, {@link FailureReason}
     * passes its message on; a JDK exception would be named by its type only and the words would be lost.
     */
    private static final class FetchFailedException extends RuntimeException {

        FetchFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
