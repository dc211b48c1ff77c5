package dev.syncline.messages.account;

import java.util.Set;
import org.axonframework.serialization.Revision;

/** A person connected a provider account to their workspace for the first time. */
@Revision("1")
public record AccountConnectedEvent(
        String accountId,
        String workspaceId,
        String ownerId,
        Provider provider,
        String providerUserId,
        String email,
        Set<String> scopes) {
}
