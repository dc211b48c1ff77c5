package dev.syncline.api.accounts;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.account.AccountView;
import dev.syncline.messages.account.FindAccountQuery;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/**
 * The caller's connected accounts, for the controllers that take an account id: another user's, an unknown
 * or a malformed id is simply not there, and answers 404 in the controller's words.
 */
@Component
public class CallersAccounts {

    private static final int LONGEST_ID = 100;

    private final QueryGateway queries;

    public CallersAccounts(QueryGateway queries) {
        this.queries = queries;
    }

    public Optional<AccountView> find(String accountId, CurrentUser caller) {
        if (accountId.length() > LONGEST_ID) {
            return Optional.empty();
        }
        return queries.query(new FindAccountQuery(accountId, caller.workspaceId().toString(), caller.userId().toString()),
                ResponseTypes.optionalInstanceOf(AccountView.class)).join();
    }

    /** @throws ApiProblemException 404 with {@code notFoundDetail} when the caller has no such account */
    public AccountView owned(String accountId, CurrentUser caller, String notFoundDetail) {
        return find(accountId, caller).orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND, notFoundDetail));
    }
}
