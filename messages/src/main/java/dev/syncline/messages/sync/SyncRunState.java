package dev.syncline.messages.sync;

/** Where one sync run stands: running, waiting, or how it ended ({@code RESTARTED}: its cursor expired and a full resync took over). */
public enum SyncRunState {
    RUNNING,
    THROTTLED,
    PAUSED,
    COMPLETED,
    FAILED,
    RESTARTED
}
