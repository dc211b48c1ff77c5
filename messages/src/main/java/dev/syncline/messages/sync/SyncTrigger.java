package dev.syncline.messages.sync;

/** Why a sync started or resumed; recorded in the audit trail as its cause. */
public enum SyncTrigger {
    /** The account was connected for the first time: the initial sync. */
    ACCOUNT_CONNECTED,
    /** The account was connected again after it needed re-authorization or was refused. */
    RECONNECTED,
    /** A user asked for it through the API. */
    USER_REQUEST,
    /** The incremental-sync schedule. */
    SCHEDULE,
    /** The provider no longer accepted the channel's cursor, so everything is read again. */
    CURSOR_EXPIRED
}
