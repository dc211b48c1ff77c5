package dev.syncline.messages.account;

/**
 * A usable access token for the account: the current one, or a fresh one when the current one is
 * within the refresh buffer of its expiry. Answered by {@link ValidAccessToken}. Internal: never
 * exposed over HTTP.
 */
public record FindValidAccessTokenQuery(String accountId) {
}
