package dev.syncline.command.account;

import dev.syncline.messages.account.Provider;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Derives an account's id from who connects which provider account, so that connecting the same mailbox
 * again reaches the same aggregate (its history, its sync state) without a lookup that could race.
 */
public final class AccountIds {

    private AccountIds() {
    }

    public static String of(String workspaceId, String ownerId, Provider provider, String providerUserId) {
        String name = "syncline:account:" + workspaceId + ":" + ownerId + ":" + provider.id() + ":" + providerUserId;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
