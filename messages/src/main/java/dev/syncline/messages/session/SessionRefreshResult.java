package dev.syncline.messages.session;

import java.util.Objects;

/** The answer to a {@link RefreshSessionCommand}: the outcome and whose session it is. */
public record SessionRefreshResult(SessionRefreshOutcome outcome, String userId, String workspaceId) {

    public SessionRefreshResult {
        Objects.requireNonNull(outcome, "outcome");
    }

    public boolean refreshed() {
        return outcome == SessionRefreshOutcome.REFRESHED;
    }
}
