package dev.syncline.messages.sync;

/** Where a channel's sync stands, as its owner sees it. */
public enum SyncStage {
    /** Connected, the first sync has not started yet. */
    PENDING,
    /** Reading everything the provider has. */
    FULL_SYNC,
    /** Applying the changes since the last cursor. */
    INCREMENTAL,
    /** The provider asked us to wait; the sync continues at the time it named. */
    THROTTLED,
    /** The account needs re-authorization; the sync continues after the user connects it again. */
    PAUSED,
    /** The last sync gave up; the reason is in words and the next scheduled run tries again. */
    FAILED,
    /** Up to date; the next run is scheduled. */
    IDLE
}
