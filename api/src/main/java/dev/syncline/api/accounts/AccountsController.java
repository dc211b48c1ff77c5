package dev.syncline.api.accounts;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.command.account.AccountNotActiveException;
import dev.syncline.messages.account.AccountView;
import dev.syncline.messages.account.AuditEntryView;
import dev.syncline.messages.account.DisconnectAccountCommand;
import dev.syncline.messages.account.FindAccountAuditQuery;
import dev.syncline.messages.account.FindAccountsQuery;
import dev.syncline.messages.account.RefreshAccessTokenCommand;
import dev.syncline.messages.account.RefreshOutcome;
import dev.syncline.messages.account.RefreshTrigger;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's connected accounts: list, read, force a token refresh, disconnect, audit. */
@RestController
@RequestMapping("/api/v1/accounts")
public class AccountsController {

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final CallersAccounts accounts;

    /** The answer to a forced refresh. */
    public record RefreshResult(RefreshOutcome.Result result, Instant accessTokenExpiresAt) {
    }

    public AccountsController(QueryGateway queries, CommandGateway commands, CallersAccounts accounts) {
        this.queries = queries;
        this.commands = commands;
        this.accounts = accounts;
    }

    @GetMapping
    public List<AccountView> list(@AuthenticationPrincipal CurrentUser caller) {
        return queries.query(new FindAccountsQuery(caller.workspaceId().toString(), caller.userId().toString()),
                ResponseTypes.multipleInstancesOf(AccountView.class)).join();
    }

    @GetMapping("/{id}")
    public AccountView get(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        return owned(id, caller);
    }

    @GetMapping("/{id}/audit")
    public List<AuditEntryView> audit(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        owned(id, caller);
        return queries.query(new FindAccountAuditQuery(id, caller.workspaceId().toString(), caller.userId().toString()),
                ResponseTypes.multipleInstancesOf(AuditEntryView.class)).join();
    }

    @PostMapping("/{id}/token/refresh")
    public RefreshResult refresh(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        owned(id, caller);
        RefreshOutcome outcome = send(new RefreshAccessTokenCommand(id, RefreshTrigger.USER_REQUEST, true), caller);
        return switch (outcome.result()) {
            case REFRESHED, NOT_NEEDED -> new RefreshResult(outcome.result(), outcome.accessTokenExpiresAt());
            case FAILED_PERMANENT -> throw new ApiProblemException(ProblemType.REAUTHORIZATION_REQUIRED, outcome.error());
            case FAILED_TRANSIENT -> throw new ApiProblemException(ProblemType.PROVIDER_UNAVAILABLE, outcome.error(),
                    Map.of("retryable", true));
        };
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> disconnect(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        owned(id, caller);
        send(new DisconnectAccountCommand(id), caller);
        return ResponseEntity.noContent().build();
    }

    private AccountView owned(String id, CurrentUser caller) {
        return accounts.owned(id, caller, "No account " + safe(id) + " here.");
    }

    /** Sends a command on the caller's behalf; an account that is not active answers 409 in words. */
    private <R> R send(Object command, CurrentUser caller) {
        try {
            return commands.sendAndWait(command, MetaData.with("actor", "user:" + caller.userId()).and("cause", "user-request"));
        } catch (AccountNotActiveException e) {
            throw new ApiProblemException(ProblemType.REAUTHORIZATION_REQUIRED, e.getMessage());
        }
    }

    private static String safe(String id) {
        return id.length() > 64 || !id.matches("[A-Za-z0-9-]+") ? "(malformed id)" : id;
    }
}
