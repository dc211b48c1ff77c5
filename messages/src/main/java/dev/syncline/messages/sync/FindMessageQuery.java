package dev.syncline.messages.sync;

import java.util.Objects;

/** One synced message with its body, if it exists and belongs to the given user; answered by an optional {@link MessageView}. */
public record FindMessageQuery(String workspaceId, String ownerId, String messageId) {

    public FindMessageQuery {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(messageId, "messageId");
    }
}
