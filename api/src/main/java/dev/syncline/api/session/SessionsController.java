package dev.syncline.api.session;

import dev.syncline.api.identity.TokenResponse;
import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.api.security.CurrentUser;
import dev.syncline.messages.session.FindActiveSessionsQuery;
import dev.syncline.messages.session.FindSessionAuditQuery;
import dev.syncline.messages.session.SessionAuditEntryView;
import dev.syncline.messages.session.SessionEndReason;
import dev.syncline.messages.session.SessionView;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's sessions: refresh, logout (here or everywhere), the list of active sessions and their history. */
@RestController
@RequestMapping("/api/v1/auth")
public class SessionsController {

    static final int MAX_AUDIT_ENTRIES = 1000;

    private final SessionRefresher refresher;
    private final SessionRevoker revoker;
    private final QueryGateway queries;

    public SessionsController(SessionRefresher refresher, SessionRevoker revoker, QueryGateway queries) {
        this.refresher = refresher;
        this.revoker = revoker;
        this.queries = queries;
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody RefreshRequest request, HttpServletRequest http) {
        return LoginController.noStore(refresher.refresh(request.refreshToken(), ClientDescription.of(http)));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@AuthenticationPrincipal CurrentUser caller) {
        revoker.revoke(caller.sessionId(), SessionEndReason.LOGOUT, caller.userId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/logout-all")
    ResponseEntity<Void> logoutAll(@AuthenticationPrincipal CurrentUser caller) {
        revoker.revokeAll(caller.userId(), SessionEndReason.LOGOUT_ALL);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sessions")
    List<CallersSession> sessions(@AuthenticationPrincipal CurrentUser caller) {
        return activeSessions(caller).stream()
                .map(session -> CallersSession.of(session, caller.sessionId()))
                .toList();
    }

    @DeleteMapping("/sessions/{id}")
    ResponseEntity<Void> end(@PathVariable("id") String id, @AuthenticationPrincipal CurrentUser caller) {
        SessionView session = activeSessions(caller).stream()
                .filter(candidate -> candidate.sessionId().equals(id))
                .findFirst()
                .orElseThrow(() -> new ApiProblemException(ProblemType.NOT_FOUND, "You have no active session with that id."));
        revoker.revoke(UUID.fromString(session.sessionId()), SessionEndReason.ENDED_BY_USER, caller.userId());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/audit")
    List<SessionAuditEntryView> audit(@RequestParam(name = "limit", defaultValue = "200") int limit,
                                      @AuthenticationPrincipal CurrentUser caller) {
        return queries.query(new FindSessionAuditQuery(caller.userId().toString(), caller.workspaceId().toString(),
                        AuditLimit.check(limit, MAX_AUDIT_ENTRIES)),
                ResponseTypes.multipleInstancesOf(SessionAuditEntryView.class)).join();
    }

    private List<SessionView> activeSessions(CurrentUser caller) {
        return queries.query(new FindActiveSessionsQuery(caller.userId().toString(), caller.workspaceId().toString()),
                ResponseTypes.multipleInstancesOf(SessionView.class)).join();
    }
}
