package dev.syncline.command.vault;

import java.util.Objects;

/**
 * Identifies the connected account whose secrets the vault holds, together with the workspace it
 * belongs to. Both take part in the associated data of every ciphertext.
 */
public record AccountKey(String workspaceId, String accountId) {

    public AccountKey {
        requireText(workspaceId, "workspaceId");
        requireText(accountId, "accountId");
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }
}
