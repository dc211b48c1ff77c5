package dev.syncline.messages.account;

import java.time.Instant;

/** What a {@link RefreshAccessTokenCommand} did: the answer its sender gets. */
public record RefreshOutcome(Result result, Instant accessTokenExpiresAt, String error) {

    /** The kinds of outcome. */
    public enum Result {
        /** The provider issued a new access token. */
        REFRESHED,
        /** The current token was still valid beyond the buffer; the provider was not called. */
        NOT_NEEDED,
        /** The provider could not be reached or was unavailable; a later attempt is scheduled. */
        FAILED_TRANSIENT,
        /** The provider refused the grant; the account needs re-authorization. */
        FAILED_PERMANENT
    }

    public static RefreshOutcome refreshed(Instant expiresAt) {
        return new RefreshOutcome(Result.REFRESHED, expiresAt, null);
    }

    public static RefreshOutcome notNeeded(Instant expiresAt) {
        return new RefreshOutcome(Result.NOT_NEEDED, expiresAt, null);
    }

    public boolean succeeded() {
        return result == Result.REFRESHED || result == Result.NOT_NEEDED;
    }
}
