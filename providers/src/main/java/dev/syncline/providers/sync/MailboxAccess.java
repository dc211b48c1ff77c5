package dev.syncline.providers.sync;

import java.util.Objects;

/**
 * What an adapter needs to read one account's mailbox: the account (the key of its per-mailbox limits)
 * and a valid access token. {@link #toString()} hides the token.
 */
public record MailboxAccess(String accountId, String accessToken) {

    public MailboxAccess {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "MailboxAccess[accountId=" + accountId + ", accessToken=<redacted>]";
    }
}
