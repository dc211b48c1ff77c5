package dev.syncline.api.syncstatus;

import dev.syncline.api.accounts.CallersAccounts;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.account.AccountStatus;
import dev.syncline.messages.sync.FindAccountSyncStatusQuery;
import dev.syncline.messages.sync.FindSyncRunQuery;
import dev.syncline.messages.sync.FindSyncStatusesQuery;
import dev.syncline.messages.sync.SyncRunView;
import dev.syncline.messages.sync.SyncStatusView;
import java.util.List;
import java.util.regex.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The sync status of the caller's accounts, its live stream, and single sync runs. */
@RestController
@RequestMapping("/api/v1")
public class SyncStatusController {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Pattern SYNC_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final QueryGateway queries;
    private final CallersAccounts accounts;
    private final SyncStatusStreams streams;

    public SyncStatusController(QueryGateway queries, CallersAccounts accounts, SyncStatusStreams streams) {
        this.queries = queries;
        this.accounts = accounts;
        this.streams = streams;
    }

    /** Every channel of every account of the caller. */
    @GetMapping("/sync-status")
    public List<SyncStatusView> all(@AuthenticationPrincipal CurrentUser caller) {
        return queries.query(new FindSyncStatusesQuery(workspace(caller), user(caller)),
                ResponseTypes.multipleInstancesOf(SyncStatusView.class)).join();
    }

    /** The account's channels, mail first. */
    @GetMapping("/accounts/{id}/sync-status")
    public List<SyncStatusView> account(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        return owned(id, caller);
    }

    /**
     * Server-sent events named {@code sync-status}, each the status of one channel as JSON: the account's channels
     * first, then a channel whenever it changes. Ends when the account is disconnected or after the stream's
     * lifetime; a client such as {@code EventSource} then reconnects and starts again from the current state.
     */
    @GetMapping(path = "/accounts/{id}/sync-status/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public SseEmitter stream(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        owned(id, caller);
        return streams.open(new FindAccountSyncStatusQuery(id, workspace(caller), user(caller)));
    }

    /** One sync run of the account. */
    @GetMapping("/accounts/{id}/syncs/{syncId}")
    public SyncRunView run(@PathVariable("id") String id, @PathVariable("syncId") String syncId,
                           @AuthenticationPrincipal CurrentUser caller) {
        if (!ACCOUNT_ID.matcher(id).matches() || !SYNC_ID.matcher(syncId).matches()) {
            throw new ApiProblemException(ProblemType.NOT_FOUND, "No such sync here.");
        }
        return queries.query(new FindSyncRunQuery(id, syncId, workspace(caller), user(caller)),
                        ResponseTypes.optionalInstanceOf(SyncRunView.class))
                .join()
                .orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND,
                        "No sync " + syncId + " of account " + id + " here."));
    }

    /**
     * The account's channels if the caller owns the account. An account connected a moment ago that the sync status
     * has not caught up with yet has no channels; it is the caller's all the same.
     */
    private List<SyncStatusView> owned(String id, CurrentUser caller) {
        if (!ACCOUNT_ID.matcher(id).matches()) {
            throw new ApiProblemException(ProblemType.NOT_FOUND, "No account (malformed id) here.");
        }
        List<SyncStatusView> channels = queries.query(new FindAccountSyncStatusQuery(id, workspace(caller), user(caller)),
                ResponseTypes.multipleInstancesOf(SyncStatusView.class)).join();
        if (!channels.isEmpty()) {
            return channels;
        }
        boolean connected = accounts.find(id, caller)
                .filter(account -> account.status() != AccountStatus.DISCONNECTED)
                .isPresent();
        if (!connected) {
            throw new ApiProblemException(ProblemType.NOT_FOUND, "No account " + id + " here.");
        }
        return channels;
    }

    private static String workspace(CurrentUser caller) {
        return caller.workspaceId().toString();
    }

    private static String user(CurrentUser caller) {
        return caller.userId().toString();
    }
}
