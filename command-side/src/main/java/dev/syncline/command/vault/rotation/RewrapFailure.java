package dev.syncline.command.vault.rotation;

/**
 * A data key the rewrap job could not open, so it stays on its old key-encryption key. The reason is a
 * vault exception's message, which names accounts and key ids and never key material.
 */
public record RewrapFailure(String accountId, String workspaceId, String keyEncryptionKeyId, String reason) {
}
