package dev.syncline.messages.session;

import java.util.Objects;

/** The user's sessions that are neither revoked nor expired, most recently used first; answered with a list of {@link SessionView}. */
public record FindActiveSessionsQuery(String userId, String workspaceId) {

    public FindActiveSessionsQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workspaceId, "workspaceId");
    }
}
