package dev.syncline.command.token;

/** No valid access token can be had for the account now; the message says why in words, never a token. */
public class AccessTokenUnavailableException extends RuntimeException {

    public AccessTokenUnavailableException(String accountId, String reason) {
        super("No valid access token for account " + accountId + ": " + reason);
    }
}
