package dev.syncline.command.vault;

/** An account the vault holds tokens for: its key (workspace and account) and its provider id. */
public record StoredAccount(AccountKey key, String provider) {
}
