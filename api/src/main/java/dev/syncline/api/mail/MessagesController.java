package dev.syncline.api.mail;

import dev.syncline.api.accounts.CallersAccounts;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.sync.FindMessageQuery;
import dev.syncline.messages.sync.FindMessagesQuery;
import dev.syncline.messages.sync.MessageListView;
import dev.syncline.messages.sync.MessageView;
import dev.syncline.query.messages.MessagePageToken;
import java.time.Instant;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's synced mail: a filtered list, newest first, in pages, and one message with its body.
 *
 * <p>{@code GET /api/v1/messages} takes the optional parameters {@code accountId} (one of the caller's
 * accounts, else 404), {@code folder} (a Graph folder id or a label, ignoring case), {@code from} (part of
 * the sender's address or name, ignoring case), {@code after} (received at or after, inclusive) and
 * {@code before} (received before, exclusive) as ISO-8601 instants, {@code unread} ({@code true} or
 * {@code false}), {@code pageToken} (the {@code nextPageToken} of the page before) and {@code limit} (1 to
 * 200, default 50). It answers {@code {"items": [...], "nextPageToken": "..."}}; the token is absent on the
 * last page. A bad parameter answers 400 naming it.
 */
@RestController
@RequestMapping("/api/v1/messages")
public class MessagesController {

    static final int MAX_TEXT_PARAMETER = 200;

    private final QueryGateway queries;
    private final CallersAccounts accounts;

    public MessagesController(QueryGateway queries, CallersAccounts accounts) {
        this.queries = queries;
        this.accounts = accounts;
    }

    @GetMapping
    public MessageListView list(@RequestParam(name = "accountId", required = false) String accountId,
                                @RequestParam(name = "folder", required = false) String folder,
                                @RequestParam(name = "from", required = false) String sender,
                                @RequestParam(name = "after", required = false) String after,
                                @RequestParam(name = "before", required = false) String before,
                                @RequestParam(name = "unread", required = false) String unread,
                                @RequestParam(name = "pageToken", required = false) String pageToken,
                                @RequestParam(name = "limit", required = false) String limit,
                                @AuthenticationPrincipal CurrentUser caller) {
        QueryParameters parameters = new QueryParameters();
        String folderFilter = parameters.text("folder", folder, MAX_TEXT_PARAMETER);
        String senderFilter = parameters.text("from", sender, MAX_TEXT_PARAMETER);
        Instant receivedAfter = parameters.instant("after", after);
        Instant receivedBefore = parameters.instant("before", before);
        if (receivedAfter != null && receivedBefore != null && !receivedBefore.isAfter(receivedAfter)) {
            parameters.reject("before", "must be later than 'after'");
        }
        Boolean unreadFilter = parameters.bool("unread", unread);
        String token = parameters.text("pageToken", pageToken, Integer.MAX_VALUE);
        if (token != null && !MessagePageToken.isWellFormed(token)) {
            parameters.reject("pageToken", "is not a page token this API gave out");
        }
        int pageSize = parameters.integer("limit", limit, FindMessagesQuery.MIN_LIMIT, FindMessagesQuery.MAX_LIMIT,
                FindMessagesQuery.DEFAULT_LIMIT);
        parameters.throwIfInvalid();
        String account = accountId == null || accountId.isBlank() ? null : accounts.owned(accountId.strip(), caller, "You have no account with the id given as 'accountId'.").id();

        return queries.query(new FindMessagesQuery(workspace(caller), owner(caller), account, folderFilter, senderFilter,
                        receivedAfter, receivedBefore, unreadFilter, token, pageSize), ResponseTypes.instanceOf(MessageListView.class))
                .join();
    }

    @GetMapping("/{id}")
    public MessageView get(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        return queries.query(new FindMessageQuery(workspace(caller), owner(caller), id),
                        ResponseTypes.optionalInstanceOf(MessageView.class))
                .join()
                .orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND, "There is no message with this id here."));
    }


    private static String workspace(CurrentUser caller) {
        return caller.workspaceId().toString();
    }

    private static String owner(CurrentUser caller) {
        return caller.userId().toString();
    }
}
