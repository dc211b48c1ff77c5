package dev.syncline.api.session;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import dev.syncline.messages.session.FindSessionAuditQuery;
import dev.syncline.messages.session.SessionAuditEntryView;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrators' view of the session lifecycle: every user's logins, refreshes, reuse detections,
 * revocations and expiries, or one user's or one workspace's. Role ADMIN (all of {@code /api/v1/admin}).
 */
@RestController
@RequestMapping("/api/v1/admin/session-audit")
public class SessionAuditAdminController {

    private final QueryGateway queries;

    public SessionAuditAdminController(QueryGateway queries) {
        this.queries = queries;
    }

    @GetMapping
    List<SessionAuditEntryView> audit(@RequestParam(name = "userId", required = false) String userId,
                                      @RequestParam(name = "workspaceId", required = false) String workspaceId,
                                      @RequestParam(name = "limit", defaultValue = "200") int limit) {
        return queries.query(new FindSessionAuditQuery(uuid(userId, "userId"), uuid(workspaceId, "workspaceId"),
                        AuditLimit.check(limit, SessionsController.MAX_AUDIT_ENTRIES)),
                ResponseTypes.multipleInstancesOf(SessionAuditEntryView.class)).join();
    }

    private static String uuid(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value).toString();
        } catch (IllegalArgumentException e) {
            throw new ApiProblemException(ProblemType.VALIDATION_FAILED, field + " must be a UUID", Map.of("field", field));
        }
    }
}
