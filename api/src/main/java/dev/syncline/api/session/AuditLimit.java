package dev.syncline.api.session;

import dev.syncline.api.problem.ApiProblemException;
import dev.syncline.api.problem.ProblemType;
import java.util.Map;

/** The {@code limit} parameter of the session audit views: 1 to a maximum, else a 400 problem. */
final class AuditLimit {

    private AuditLimit() {
    }

    static int check(int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new ApiProblemException(ProblemType.VALIDATION_FAILED, "limit must be between 1 and " + max,
                    Map.of("field", "limit"));
        }
        return limit;
    }
}
