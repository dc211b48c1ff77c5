package dev.syncline.messages.account;

import org.axonframework.serialization.Revision;

/** The account was disconnected: its tokens were deleted and its data key destroyed. */
@Revision("1")
public record AccountDisconnectedEvent(String accountId, String workspaceId) {
}
