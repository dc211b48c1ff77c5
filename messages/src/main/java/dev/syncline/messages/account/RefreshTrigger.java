package dev.syncline.messages.account;

/** Why an access token refresh was asked for; recorded in the audit trail as its cause. */
public enum RefreshTrigger {
    /** A caller needed a valid token and the current one is within the refresh buffer of its expiry. */
    EXPIRING,
    /** The user forced a refresh. */
    USER_REQUEST,
    /** The refresh schedule: ahead of expiry, keeping an idle grant alive, or retrying a transient failure. */
    SCHEDULE,
    /** The provider answered 401 to the current access token before its expiry (revoked, or expired early). */
    REJECTED_BY_PROVIDER
}
